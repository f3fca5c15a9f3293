-- Imported documents: how their texts are segmented ('lines' = pre-segmented and pre-aligned,
-- one segment a line) and what the file said that the texts do not (segment ids, notes, states,
-- raters). Imported annotations keep the category, severity and markup their file used, so an
-- export can write them back the same way.
ALTER TABLE documents ADD COLUMN segmentation TEXT CHECK (segmentation IS NULL OR segmentation = 'lines');
ALTER TABLE documents ADD COLUMN meta_json TEXT;
ALTER TABLE annotations ADD COLUMN origin_json TEXT;
