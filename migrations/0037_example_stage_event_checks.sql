-- The stage history names the same four stages as examples.stage (0016). Said by the database, the row types
-- generated from it (npm run db:types) carry the union, and schema.ts no longer narrows the columns by hand
-- (a mapped type over the whole Database that cost TypeScript ~200k instantiations).
ALTER TABLE example_stage_events ADD CONSTRAINT example_stage_events_from_stage
  CHECK (from_stage IN ('discover', 'nurture', 'summarise', 'replicate'));
ALTER TABLE example_stage_events ADD CONSTRAINT example_stage_events_to_stage
  CHECK (to_stage IN ('discover', 'nurture', 'summarise', 'replicate'));
