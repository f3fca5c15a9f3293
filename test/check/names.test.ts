import assert from 'node:assert/strict';
import { readCorpus } from '../../server/ingest/corpus.js';
import { processDocument } from '../../server/pipeline.js';
import { SEED_CORPUS } from '../helpers/paths.js';
import { checkPair } from './helpers.js';

const names = (en: string, ar: string) => checkPair(en, ar, { only: 'names' }).map((f) => [f.side, f.text]);

describe('names check', () => {
  it('flags exactly جنون in the seed without its glossary (JNIM rendered as the word "madness"), and leaves it to the terminology check with it', () => {
    const doc = readCorpus(SEED_CORPUS).documents[0]!;
    const bare = (({ glossary: _g, ...rest }) => rest)(doc.pair);
    const found = processDocument(bare).findings.filter((f) => f.check === 'names');
    assert.deepEqual(found.map((f) => [f.side, f.text]), [['target', 'جنون']]);
    assert.equal(doc.pair.targetText.slice(found[0]!.start, found[0]!.end), 'جنون');
    // The glossary has JNIM: one finding for the error, by the terminology check, not two.
    const withGlossary = processDocument(doc.pair).findings;
    assert.deepEqual(withGlossary.filter((f) => f.check === 'names'), []);
    assert.deepEqual(withGlossary.filter((f) => f.check === 'terminology' && f.text === 'JNIM').map((f) => f.side), ['source']);
  });

  it('accepts transliterations, known Arabic forms, letter spellings and Latin spellings', () => {
    const ok: Array<[string, string]> = [
      ['Peacekeepers left Kidal and Gao.', 'غادر حفظة السلام كيدال وغاو.'],
      ['Germany and the UN sent aid.', 'أرسلت ألمانيا والأمم المتحدة مساعدات.'],
      // Places whose Arabic names are not sound-spellings of the English ones.
      ['Fans celebrated in Casablanca and Aleppo.', 'احتفل المشجعون في الدار البيضاء وحلب.'],
      ['Settlers moved into the West Bank near Hebron.', 'انتقل مستوطنون إلى الضفة الغربية قرب الخليل.'],
      ['It was 52 degrees Celsius on the Vakhsh River.', 'بلغت الحرارة 52 درجة مئوية على نهر وخش.'],
      // The adjective of a known place (Jordanian → أردني from الأردن); Turkish c as ج; names
      // Arabic has its own word for (Indus = السند, Hellenic = يوناني).
      ['The Jordanian founders met investors.', 'التقى المؤسسون الأردنيون بالمستثمرين.'],
      ['Oil flows to the port of Ceyhan.', 'يتدفق النفط إلى ميناء جيهان.'],
      ['Floods hit the Indus delta, the Hellenic Coast Guard said.', 'ضربت الفيضانات دلتا السند، بحسب خفر السواحل اليوناني.'],
      ['Persian manuscripts were shown in Zarzis.', 'عُرضت مخطوطات فارسية في جرجيس.'],
      // A name of vowels only has no consonants to match: not judged.
      ['Meltwater feeds the Waiau River near the town.', 'تغذي مياه الذوبان نهر وايآو قرب البلدة.'],
      ['The BBC reported it.', 'ذكرت ذلك بي بي سي.'],
      ['Sites such as RedState reported it.', 'ذكرت ذلك مواقع مثل RedState.'],
      ['He visited New York and Pyongyang.', 'زار نيويورك وبيونغ يانغ.'],
      ['Russian contractors from the Wagner Group arrived.', 'وصل متعاقدون روس من مجموعة فاغنر.'],
      ['Chambers of commerce welcomed it.', 'رحبت الغرف التجارية بذلك.'],
      // Cz is ch, the h of wh is silent, sch may be written with س.
      ['My mother was a Czechoslovak Jew.', 'كانت والدتي تشيكوسلوفاكية يهودية.'],
      ['He was whisked back to Whitehall.', 'نُقل مرة أخرى إلى قصر "وايت هول".'],
      ['The Nationals let Scherzer pitch.', 'سمح فريق ناشونالز لسيرزير باللعب.'],
      // German z is ts.
      ['The warships will be outdated, the weekly Zeit notes.', 'ستصبح السفن الحربية قديمة، كما أفادت أسبوعية تسايت.'],
      // An acronym in a compound adjective is an acronym (expanded, as translators do).
      ['Crashes of PNG-registered airlines fell.', 'تراجعت حوادث خطوط الطيران المسجلة في بابوا غينيا الجديدة.'],
      // Names inside words whose spaces were lost: the typography check reports the spacing.
      ['The Ibrox side lost.', 'خسر فريقإيبروكس.'],
      ['He picked out Menga for a simple finish.', 'وفي تمريرهالمينجا أنهى الهجمة.'],
      ['Kavanaugh sidestepped the questions.', 'تجنبكافانوكافة الأسئلة.'],
      // A name at the start of a run-together word; a person named by nationality.
      ['It asks whether the inquiry of Kavanaugh could change their minds.', 'تسأل ما إذا كان التحقيق بشأن كافانويمكن أن يغير رأيهم.'],
      ['The Spaniard and the Swede never recovered.', 'لم يتعافَ الإسباني والسويدي أبدًا.'],
      // Party names are translated (the list has them).
      ['Ukip and the Lib Dems lost seats.', 'خسر حزب استقلال المملكة المتحدة والديمقراطيون الأحرار مقاعد.'],
      // zh (pinyin, Russian) is تش or ج.
      ['Officials in Guizhou met Zhang Wei and Marshal Zhukov.', 'التقى مسؤولون في قويتشو بتشانغ وي والمارشال جوكوف.'],
      // dh in Arabic names written in English is ذ, ض or ظ.
      ['Officials in Riyadh and Abu Dhabi welcomed it.', 'رحب مسؤولون في الرياض وأبو ظبي بذلك.'],
      // A hashtag is a slogan, rendered by its meaning.
      ['Since the #MeToo movement began, more women have spoken out.', 'منذ انطلاق حركة #أنا_أيضًا، تحدثت نساء أكثر.'],
    ];
    for (const [en, ar] of ok) assert.deepEqual(names(en, ar), [], ar);
  });

  it('reports a dropped name on the source and an acronym turned into a word on the target', () => {
    assert.deepEqual(names('Opposition leader Succès Masra called for a boycott.', 'دعا زعيم المعارضة إلى المقاطعة.'), [['source', 'Succès Masra']]);
    assert.deepEqual(names('The group JNIM claimed the attack.', 'تبنت جماعة جنون الهجوم.'), [['target', 'جنون']]);
    // A sound-alike word with none of the acronym's vowels (كسر "breaking" for KISR) is that word;
    // an acronym read as a word keeps them (NATO → الناتو, OPEC → أوبك).
    assert.deepEqual(names('Scientists at KISR said the days had doubled.', 'قال علماء في كسر إن الأيام تضاعفت.'), [['target', 'كسر']]);
    assert.deepEqual(names('Scientists at KISR said the days had doubled.', 'قال علماء في كيسر إن الأيام تضاعفت.'), []);
    assert.deepEqual(names('NATO and OPEC met in Vienna.', 'اجتمع الناتو وأوبك في فيينا.'), []);
    // A long word Arabic knows is not searched inside: a name missing stays missing.
    assert.deepEqual(names('Officials from Pelletier met the doctors.', 'اجتمع المسؤولون بأطباءالمستشفيات.'), [['source', 'Pelletier']]);
    // A name with a translated word (County) is missing when only that word is there, and two
    // ordinary words that happen to sound like it (قالوا إن for Kavanaugh) are not its spelling.
    assert.deepEqual(names('Residents of Kavanaugh County were told to leave.', 'طُلب من سكان المقاطعة المغادرة.'), [['source', 'Kavanaugh County']]);
    assert.deepEqual(names('They said Kavanaugh was flooded.', 'قالوا إن المقاطعة غمرتها المياه.'), [['source', 'Kavanaugh']]);
    // A sentence of names and titles is not a Title Case headline, where capitals prove nothing.
    assert.deepEqual(names('He met Senator Pelosi in Washington.', 'التقى في واشنطن.'), [['source', 'Senator Pelosi']]);
    assert.deepEqual(names('Peacekeepers Leave Rebel Stronghold In Northern Mali', 'قوات حفظ السلام تغادر معقل المتمردين في شمال مالي'), []);
    // Only the hashtag is excused, not the same word as a name.
    assert.deepEqual(names('The activist Tarana Burke founded #MeToo.', 'أسست الناشطة الحملة.'), [['source', 'Tarana Burke']]);
    // The article's ل is the name's only for names in Al- or El-: الهولندي ("Dutch") is not Linde.
    assert.deepEqual(
      names(
        '"We hardly created anything for an hour, but this team never gives up," said Ahly\'s Dutch coach, Erik van der Linde, 58.',
        'وقال مدرب الأهلي الهولندي إريك تن هاغ (58 عاماً): "بالكاد صنعنا شيئاً طوال ساعة، لكن هذا الفريق لا يستسلم أبداً".',
      ),
      [['source', 'Linde']],
    );
    assert.deepEqual(names('Tourists crowded the Alhambra in Granada.', 'احتشد السياح في قصر الحمراء بغرناطة.'), []);
    // A listed name missing beside the listed form of a like-sounding one the source lacks.
    assert.deepEqual(names('Officials in Zambia face power cuts.', 'يواجه المسؤولون في زيمبابوي انقطاعات في التيار الكهربائي.'), [['target', 'زيمبابوي']]);
    assert.deepEqual(names('Officials in Zambia and Zimbabwe met.', 'التقى مسؤولون من زامبيا وزيمبابوي.'), []);
    assert.deepEqual(names('Officials in Zambia met the Malagasy envoy.', 'التقى مسؤولون في زامبيا المبعوث الملغاشي.'), []);
    // An acronym the source never writes: another organisation put in (ADB for AIIB). Initials of
    // the names beside it, U.N. without its full stops, and Covid in capitals are the source's own.
    const aiib = 'The Asian Infrastructure Investment Bank (AIIB) will lend $350 million.';
    assert.deepEqual(names(aiib, 'وسيقرض بنك التنمية الآسيوي (ADB) 350 مليون دولار.'), [['target', 'ADB']]);
    assert.deepEqual(names(aiib, 'وسيقرض البنك الآسيوي للاستثمار في البنية التحتية (AIIB) 350 مليون دولار.'), []);
    assert.deepEqual(names('He spoke at the Consumer Energy Alliance.', 'تحدث أمام تحالف مستهلكي الطاقة (CEA).'), []);
    assert.deepEqual(names('The U.N. said Covid cases rose.', 'قالت UN إن إصابات COVID ارتفعت.'), []);
    // A name after the Arabic article written in English (al-Mahra) is a name, not part of a word.
    assert.deepEqual(names('The worst-hit areas are in Hadramout and al-Mahra.', 'وتقع المناطق الأكثر تضررًا في حضرموت.'), [['source', 'Mahra']]);
    assert.deepEqual(names('The worst-hit areas are in Hadramout and al-Mahra.', 'وتقع المناطق الأكثر تضررًا في حضرموت والمهرة.'), []);
  });
});
