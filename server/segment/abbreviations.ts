// Words after which a full stop does not (or not always) end a sentence. Intl.Segmenter (ICU)
// has no CLDR suppressions in V8, so these lists are ours; each class has its own rule in
// sentences.ts.

/** Titles and name parts: always followed by a name, so the stop never ends a sentence. */
export const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Messrs', 'Dr', 'Drs', 'Prof', 'Gen', 'Col', 'Lt', 'Maj', 'Capt', 'Cpt',
  'Sgt', 'Cpl', 'Pvt', 'Adm', 'Cmdr', 'Cdr', 'Brig', 'Gov', 'Sen', 'Rep', 'Rev', 'Hon', 'Pres',
  'Amb', 'Insp', 'Supt', 'Fr', 'Sr', 'Sra', 'Mt', 'Ft', 'St', 'Ste', 'Mme', 'Mlle', 'Hr', 'Det',
  'Sens', 'Reps', 'Gens', 'Govs', 'Cols', 'Lts', 'Drs', 'Profs', 'Atty', 'Sgts', 'Msgr', 'Sec', 'Gen',
]);

/** Abbreviations normally followed by a number: "No. 3", "Jan. 5", "p. 12". */
export const BEFORE_NUMBER = new Set([
  'No', 'Nos', 'no', 'nos', 'Nr', 'nr', 'Vol', 'Vols', 'vol', 'Fig', 'Figs', 'fig', 'Art', 'art',
  'Sec', 'sec', 'Ch', 'ch', 'Chap', 'p', 'pp', 'para', 'paras', 'Para', 'Ex', 'Tab', 'Eq', 'Op',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'ca', 'approx',
]);

/** Never the end of a sentence when more text follows: "e.g. Mali", "i.e. the". */
export const NEVER_FINAL = new Set(['e.g', 'i.e', 'cf', 'viz', 'vs', 'v', 'z.B', 'd.h', 'u.a', 'bzw', 'resp']);

/**
 * May end a sentence ("… at 8 a.m. The convoy left.") or not ("8 a.m. Tuesday", "Acme Inc.
 * Chairman"): the stop ends a sentence only when a typical sentence opener follows.
 */
export const AMBIGUOUS = new Set([
  'a.m', 'p.m', 'etc', 'Inc', 'Ltd', 'Co', 'Corp', 'Bros', 'Jr', 'Dept', 'Univ', 'Assn', 'Ave', 'Blvd',
  'Rd', 'al', 'ibid', 'Ibid', 'Esq', 'A.D', 'B.C', 'mi', 'km', 'kg', 'lb', 'lbs', 'oz', 'ft',
]);

/** Words that usually begin a new sentence, so an ambiguous abbreviation before them ends one. */
export const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those',
  'There', 'Here', 'But', 'And', 'Or', 'So', 'Yet', 'For', 'Nor', 'In', 'On', 'At', 'As', 'If',
  'When', 'While', 'After', 'Before', 'Since', 'Although', 'Though', 'Because', 'Until', 'Unless',
  'Its', 'His', 'Her', 'Their', 'Our', 'My', 'Your', 'What', 'Which', 'Who', 'Whom', 'Whose', 'Why',
  'How', 'Where', 'Some', 'Many', 'Most', 'All', 'Both', 'Each', 'Every', 'Few', 'Several', 'Such',
  'No', 'Not', 'None', 'Nobody', 'Nothing', 'One', 'Two', 'Three', 'However', 'Meanwhile', 'Still',
  'Also', 'Now', 'Then', 'Later', 'Last', 'Earlier', 'Today', 'Yesterday', 'Tomorrow', 'Thus',
  'Therefore', 'Moreover', 'Furthermore', 'Instead', 'Nevertheless', 'Indeed', 'Even', 'Only',
  'Among', 'According', 'During', 'Despite', 'Under', 'With', 'Without', 'From', 'To', 'By', 'Of',
  'Over', 'About', 'Is', 'Are', 'Was', 'Were', 'Do', 'Does', 'Did', 'Has', 'Have', 'Had', 'Will',
  'Would', 'Can', 'Could', 'Should', 'May', 'Might', 'Must', 'Let', 'Please', 'Yes', 'Officials',
  'Police', 'Authorities', 'Residents', 'Troops', 'Witnesses', 'Le', 'La', 'Les', 'Il', 'Elle',
  'Der', 'Die', 'Das', 'Er', 'Sie', 'Es', 'Ein', 'Eine',
]);

/** Arabic verbs of saying that follow a closing quote inside the same sentence: «…؟» قال. */
export const ARABIC_REPORTING_VERBS = new Set([
  'قال', 'قالت', 'وقال', 'وقالت', 'يقول', 'تقول', 'أضاف', 'أضافت', 'وأضاف', 'وأضافت', 'تابع',
  'تابعت', 'وتابع', 'وتابعت', 'أوضح', 'أوضحت', 'وأوضح', 'وأوضحت', 'أكد', 'أكدت', 'وأكد', 'وأكدت',
  'صرح', 'صرحت', 'أعلن', 'أعلنت', 'كتب', 'كتبت', 'سأل', 'سألت', 'تساءل', 'تساءلت', 'هكذا',
  'بحسب', 'حسبما', 'وفق', 'وفقا', 'وفقًا', 'حسب',
]);
