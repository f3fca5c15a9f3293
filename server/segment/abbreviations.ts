// Words after which a full stop does not end a sentence. Intl.Segmenter (ICU) has no CLDR
// suppressions in V8, so it splits "Mr. Smith" and "The U.N. Security Council".

/** English abbreviations that are normally followed by a name or a number. */
export const ENGLISH_TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Gen', 'Col', 'Lt', 'Maj', 'Capt', 'Cpt', 'Sgt', 'Cpl',
  'Adm', 'Cmdr', 'Gov', 'Sen', 'Rep', 'Rev', 'Hon', 'Pres', 'Amb', 'Insp', 'Supt', 'Fr', 'Sr',
  'Jr', 'St', 'Mt', 'Ft', 'No', 'Nos', 'Vol', 'Vols', 'Fig', 'Figs', 'Art', 'Sec', 'Ch', 'Pp',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'vs', 'etc', 'approx', 'ca', 'cf', 'al', 'Inc', 'Ltd', 'Co', 'Corp', 'Bros', 'Dept', 'Univ',
]);

/** Lower-case abbreviations that never end a sentence when more text follows. */
export const ENGLISH_INLINE = new Set(['e.g', 'i.e', 'a.m', 'p.m', 'vs', 'etc', 'approx', 'cf', 'viz']);

/** Words that usually begin a new sentence, so a dotted acronym before them ends one. */
export const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These',
  'Those', 'There', 'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'As', 'If', 'When',
  'While', 'After', 'Before', 'Since', 'Its', 'His', 'Her', 'Their', 'Our', 'My', 'What',
  'Who', 'Why', 'How', 'Where', 'Some', 'Many', 'Most', 'All', 'No', 'Not', 'One', 'Two',
  'However', 'Meanwhile', 'Still', 'Also', 'Now', 'Then', 'Later', 'Last', 'Earlier',
]);

/** Arabic verbs of saying that follow a closing quote inside the same sentence. */
export const ARABIC_REPORTING_VERBS = new Set([
  'قال', 'قالت', 'وقال', 'وقالت', 'أضاف', 'أضافت', 'وأضاف', 'وأضافت', 'تابع', 'تابعت',
  'أوضح', 'أوضحت', 'أكد', 'أكدت', 'وأكد', 'وأكدت', 'صرح', 'صرحت', 'أعلن', 'أعلنت', 'كتب',
  'كتبت', 'هذا', 'بحسب', 'حسبما', 'وفق',
]);
