// English function words and very common verbs: never nouns that an MT system would sound-spell,
// and never names. Used to keep the transliteration comparisons to content words.
export const ENGLISH_STOPWORDS = new Set(
  `a about above after again against all also although am among an and another any are around as at
  be because been before being below between both but by can cannot could did do does doing done down
  during each either else even ever every few for from further had has have having he her here hers
  herself him himself his how however i if in into is it its itself just least less like made make
  many may me might more most much must my myself neither no nor not now of off often on once only or
  other others our ours ourselves out over own per perhaps rather same said say says she should since
  so some such than that the their theirs them themselves then there these they this those though
  through thus to too toward towards under until up upon us very was we well were what whatever when
  where whether which while who whom whose why will with within without would yet you your yours
  yourself yourselves told tell took take taken give given gave get got going gone went come came
  know known knew think thought see seen saw want wanted used use using seem seemed still already
  also around across along behind beyond near next last first second third later early years year
  time times today tomorrow yesterday week month day days people thing things way ways part parts
  told asked added noted called set put let lot lots something nothing anything everything someone
  anyone everyone nobody somebody another including according whose able back away again ago`
    .split(/\s+/u)
    .filter(Boolean),
);
