import fc from 'fast-check';

/**
 * Requests made from the API's own OpenAPI document: each JSON schema becomes a fast-check arbitrary that mostly
 * keeps to the schema (so the request gets past validation into the services) and sometimes breaks it on purpose
 * (wrong types, extremes, hostile text), which validation must refuse with a 4xx. Test code only.
 */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  minimum?: number; maximum?: number; exclusiveMinimum?: number | boolean; exclusiveMaximum?: number | boolean;
  minLength?: number; maxLength?: number;
  minItems?: number; maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[];
  default?: unknown;
}

/** Ids of real rows (so some calls reach deep into the services) beside random and malformed ones. */
export interface KnownIds { uuids: string[] }

const HOSTILE_TEXT = [
  '', ' ', 'Đ'.repeat(5000), '\'; DROP TABLE organisations; --', '<script>alert(1)</script>', '../../etc/passwd',
  '%00', '\u202e\u0301\u0300', '🏅'.repeat(200), '9'.repeat(400), '-1', '1e309', 'NaN', 'null', '__proto__', '0000-00-00',
  '9999-12-31', '0001-01-01', '2024-02-30', 'x'.repeat(101),
];

const vietnameseText = fc.constantFrom(
  'Ủy ban nhân dân xã Tân Hòa', 'Nguyễn Thị Hồng Nhung', 'Hoàn thành xuất sắc nhiệm vụ năm 2024', 'Phòng Văn hóa – Xã hội',
  'Chiến sĩ thi đua cơ sở', 'Bằng khen của Chủ tịch UBND tỉnh', 'Đắk Lắk', 'Sơn La',
);

function hostile(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_TEXT),
    fc.constantFrom(-1, 0, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1.5, true, false, null),
    fc.constant({ __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
}

function dateString(): fc.Arbitrary<string> {
  return fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
}

function stringFor(schema: JsonSchema, ids: KnownIds): fc.Arbitrary<unknown> {
  if (schema.format === 'uuid') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids.uuids) }, { weight: 2, arbitrary: fc.uuid() });
  if (schema.format === 'date') return dateString();
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'email') return fc.constantFrom('can.bo@sonha.gov.vn', 'a@b.vn', 'khong-phai-email');
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 200);
  return fc.oneof(
    vietnameseText.filter((s) => s.length >= min && s.length <= max),
    fc.string({ minLength: min, maxLength: Math.max(min, max) }),
  );
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
  const lo = Math.max(min, -1e12);
  const hi = Math.min(max, 1e12);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.max(lo, hi)) })
    : fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true, noDefaultInfinity: true });
}

/** A value for the schema: within it most of the time, hostile some of the time. */
export function valueFor(schema: JsonSchema | undefined, ids: KnownIds, depth = 0): fc.Arbitrary<unknown> {
  const fitting = fittingValue(schema ?? {}, ids, depth);
  return depth > 3 ? fitting : fc.oneof({ weight: 6, arbitrary: fitting }, { weight: 1, arbitrary: hostile() });
}

function fittingValue(schema: JsonSchema, ids: KnownIds, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((c) => valueFor(c, ids, depth + 1)));
  if (schema.allOf) return valueFor(Object.assign({}, ...schema.allOf) as JsonSchema, ids, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['object'];
  const arbitraries = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null': return fc.constant(null);
      case 'string': return stringFor(schema, ids);
      case 'integer': return numberFor(schema, true);
      case 'number': return numberFor(schema, false);
      case 'boolean': return fc.boolean();
      case 'array': return depth > 4 ? fc.constant([]) : fc.array(valueFor(schema.items, ids, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3), maxLength: Math.min(Math.max(schema.maxItems ?? 3, schema.minItems ?? 0), 3) });
      default: return objectFor(schema, ids, depth);
    }
  });
  if (schema.nullable) arbitraries.push(fc.constant(null));
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
}

function objectFor(schema: JsonSchema, ids: KnownIds, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  if (depth > 4 || Object.keys(properties).length === 0) return fc.constant({});
  const fields = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, valueFor(s, ids, depth + 1)]));
  const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
  return fc.record(fields, { requiredKeys });
}
