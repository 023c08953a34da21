// Vietnamese name material for the demo people. All strings are NFC. Weights are rough shares of
// family names among the Kinh; the minority tables give family names, gendered middle names or
// prefixes, and given names by ethnicity.

import type { Rng } from './random.ts';

export type Gender = 'male' | 'female';

export const KINH_FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 30], ['Trần', 10], ['Lê', 9], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 2], ['Phan', 4],
  ['Vũ', 3], ['Võ', 2], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 1.5], ['Ngô', 1.5], ['Dương', 1],
  ['Lý', 0.5], ['Đinh', 1], ['Trương', 1], ['Mai', 0.5], ['Cao', 0.5], ['Tạ', 0.3], ['Lương', 0.5],
];

export const KINH_MIDDLE: Record<Gender, readonly string[]> = {
  male: ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân', 'Thanh', 'Mạnh', 'Ngọc', 'Tiến', 'Trọng', 'Anh'],
  female: ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Kim', 'Mai', 'Hồng', 'Thùy', 'Phương', 'Bích', 'Minh', 'Diệu'],
};

/** A second middle name after "Thị" for some women: Trần Thị Thu Hà. */
export const FEMALE_SECOND_MIDDLE: readonly string[] = ['Thu', 'Ngọc', 'Thanh', 'Kim', 'Mai', 'Hồng', 'Bích', 'Minh', 'Phương'];

export const KINH_GIVEN: Record<Gender, readonly string[]> = {
  male: [
    'Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Hưng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam',
    'Phong', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh',
    'Hòa', 'Hiếu', 'Lâm', 'Toàn', 'Kiên', 'Đạt', 'Hoàng', 'Nghĩa', 'Phúc', 'Thịnh', 'Quyết', 'Lợi',
  ],
  female: [
    'Anh', 'Ánh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạ', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hồng', 'Hương',
    'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương',
    'Quỳnh', 'Thảo', 'Thu', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến', 'Hòa', 'Duyên', 'Lý', 'Ngọc',
  ],
};

/**
 * How a name is written for an ethnicity. `order: 'clan-last'` is the Ê Đê pattern: a gendered prefix
 * (Y for men, H' glued to the given name for women), the given name, then the clan name (Y Bhin Niê).
 */
export interface EthnicNames {
  ethnicity: string;
  family: readonly string[];
  middle: Record<Gender, readonly string[]>;
  given: Record<Gender, readonly string[]>;
  order?: 'clan-last';
}

export const MINORITY_NAMES: readonly EthnicNames[] = [
  {
    ethnicity: 'Thái',
    family: ['Lò', 'Lường', 'Cầm', 'Quàng', 'Hà', 'Vì', 'Tòng', 'Lù', 'Điêu'],
    middle: { male: ['Văn'], female: ['Thị'] },
    given: {
      male: ['Pằn', 'Xuân', 'Chiến', 'Phong', 'Hoan', 'Ban', 'Inh', 'Ún', 'Biên', 'Khiêm', 'Tiên', 'Hom'],
      female: ['Xuân', 'Hom', 'Ơn', 'Thanh', 'Pọm', 'Ngân', 'Bun', 'Xiêng', 'Hương', 'Phượng'],
    },
  },
  {
    ethnicity: 'Mông',
    family: ['Thào', 'Giàng', 'Vàng', 'Sùng', 'Lầu', 'Mùa', 'Hờ', 'Lý'],
    middle: { male: ['A', 'A', 'Seo', 'Chứ', 'Mí'], female: ['Thị'] },
    given: {
      male: ['Chứ', 'Dế', 'Pó', 'Sính', 'Lử', 'Dua', 'Tủa', 'Páo', 'Chang', 'Sềnh'],
      female: ['Mai', 'Dua', 'Pàng', 'Sua', 'Chá', 'Mỷ', 'Súa', 'Dợ'],
    },
  },
  {
    ethnicity: 'Tày',
    family: ['Hoàng', 'Nông', 'Lương', 'Ma', 'Hà', 'Vi', 'La', 'Lục'],
    middle: { male: ['Văn', 'Đình'], female: ['Thị'] },
    given: {
      male: ['Hùng', 'Sinh', 'Khoa', 'Thạch', 'Nghiêm', 'Tuyên', 'Lịch', 'Quyền'],
      female: ['Thoa', 'Tươi', 'Lụa', 'Nhàn', 'Đào', 'Thắm', 'Hiên'],
    },
  },
  {
    ethnicity: 'Nùng',
    family: ['Nông', 'Lục', 'Hoàng', 'Chu', 'Sầm', 'Vy', 'Lăng'],
    middle: { male: ['Văn'], female: ['Thị'] },
    given: {
      male: ['Pảo', 'Chắn', 'Slinh', 'Lìn', 'Thuận', 'Khìn'],
      female: ['Slao', 'Lìu', 'Mây', 'Lành', 'Dầu'],
    },
  },
  {
    ethnicity: 'Dao',
    family: ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng'],
    middle: { male: ['Văn', 'Tiến'], female: ['Thị'] },
    given: {
      male: ['Chòi', 'Phin', 'Sinh', 'Quẩy', 'Tòn', 'Vàng'],
      female: ['Mẩy', 'Nhất', 'Xuân', 'Dín', 'Mùi'],
    },
  },
  {
    ethnicity: 'Mường',
    family: ['Đinh', 'Bùi', 'Quách', 'Hà', 'Xa'],
    middle: { male: ['Văn', 'Công'], female: ['Thị'] },
    given: {
      male: ['Thái', 'Hùng', 'Khởi', 'Nhất', 'Mọn', 'Lực'],
      female: ['Mến', 'Nụ', 'Thơm', 'Chiêm', 'Hậu'],
    },
  },
  {
    ethnicity: 'Khmer',
    family: ['Thạch', 'Danh', 'Sơn', 'Kim', 'Lâm', 'Trà'],
    middle: { male: ['', 'Văn'], female: ['Thị'] },
    given: {
      male: ['Sóc', 'Sa Ra', 'Phol', 'Sen', 'Rinh', 'Đa Ra', 'Chanh'],
      female: ['Sa Ry', 'Sô Phia', 'Mỹ', 'Chanh Thy', 'Sà Nê', 'Kim Hoa'],
    },
  },
  {
    ethnicity: 'Ê Đê',
    family: ['Niê', 'Êban', 'Mlô', 'Byă', 'Knul', 'Ayŭn'],
    middle: { male: ['Y'], female: ["H'"] },
    given: {
      male: ['Bhin', 'Wơn', 'Khuê', 'Jôn', 'Sơn', 'Blô'],
      female: ['Hen', 'Dung', 'Năm', 'Juin', 'Nga'],
    },
    order: 'clan-last',
  },
];

/** Shares of the ethnicities among minority people, by area. */
export const HIGHLAND_ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Thái', 50], ['Mông', 28], ['Tày', 10], ['Dao', 12],
];
export const LOWLAND_ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Tày', 22], ['Nùng', 15], ['Thái', 22], ['Mường', 15], ['Khmer', 14], ['Ê Đê', 12],
];

export interface NameParts { familyName: string; middleName: string; givenName: string; fullName: string }

export function makeName(rng: Rng, gender: Gender, ethnicity: string): NameParts {
  if (ethnicity === 'Kinh') {
    const familyName = rng.weighted(KINH_FAMILY);
    let middleName = rng.pick(KINH_MIDDLE[gender]);
    if (gender === 'female' && middleName === 'Thị' && rng.chance(0.35)) middleName = `Thị ${rng.pick(FEMALE_SECOND_MIDDLE)}`;
    let givenName = rng.pick(KINH_GIVEN[gender]);
    while (middleName.split(' ').includes(givenName)) givenName = rng.pick(KINH_GIVEN[gender]);
    return { familyName, middleName, givenName, fullName: `${familyName} ${middleName} ${givenName}` };
  }
  const table = MINORITY_NAMES.find((t) => t.ethnicity === ethnicity);
  if (!table) throw new Error(`no names for ${ethnicity}`);
  const familyName = rng.pick(table.family);
  const middle = rng.pick(table.middle[gender]);
  const given = rng.pick(table.given[gender]);
  if (table.order === 'clan-last') {
    // Ê Đê: Y Bhin Niê (men), H'Hen Niê (women).
    return gender === 'male'
      ? { familyName, middleName: middle, givenName: given, fullName: `${middle} ${given} ${familyName}` }
      : { familyName, middleName: '', givenName: `${middle}${given}`, fullName: `${middle}${given} ${familyName}` };
  }
  return { familyName, middleName: middle, givenName: given, fullName: [familyName, middle, given].filter((s) => s).join(' ') };
}

export function fixedFullName(p: { familyName: string; middleName: string; givenName: string; clanLast?: boolean }): string {
  return p.clanLast
    ? `${p.middleName} ${p.givenName} ${p.familyName}`
    : [p.familyName, p.middleName, p.givenName].filter((s) => s).join(' ');
}
