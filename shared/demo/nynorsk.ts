import { readsAsBokmal } from '../letters/nynorskWords';

/**
 * Nynorsk for the demo's own case text (issue 16, item 4): a nynorsk letter whose case text reads
 * as bokmål is CASE_TEXT_BOKMAL, an error the caseworker must resolve. So that a nynorsk letter can
 * be issued from the demo as it stands, the demo writes the nynorsk text beside the bokmål one for
 * the sentences and fragments below (whole sentences of the voice and parents' view lists, the
 * two most common measures, the sakkyndig conclusions, the trial period). A text is given its
 * nynorsk only when every bokmål word is gone: a half-translated text is never recorded, and the
 * case keeps its finding.
 */
const FRAGMENTS: [string, string][] = [
  // Elevens stemme (shared/demo/texts.ts VOICE, VOICE_SOURCE)
  [
    'Det er vanskelig å gå inn i klasserommet når alle ser på meg.',
    'Det er vanskeleg å gå inn i klasserommet når alle ser på meg.',
  ],
  ['Jeg får vondt i magen søndag kveld.', 'Eg får vondt i magen søndag kveld.'],
  ['Det hjelper når noen venter på meg ved døra.', 'Det hjelper når nokon ventar på meg ved døra.'],
  [
    'Jeg liker friminuttene når vi spiller fotball, men ikke når jeg står alene.',
    'Eg likar friminutta når vi spelar fotball, men ikkje når eg står åleine.',
  ],
  [
    'Jeg vet ikke hvorfor, det bare går ikke om morgenen.',
    'Eg veit ikkje kvifor, det berre går ikkje om morgonen.',
  ],
  [
    'Det er for mye bråk i klassen, og jeg blir sliten.',
    'Det er for mykje bråk i klassen, og eg blir sliten.',
  ],
  ['Når det er vikar vet jeg ikke hva som skal skje.', 'Når det er vikar, veit eg ikkje kva som skal skje.'],
  ['Jeg vil helst ha kunst og håndverk først på dagen.', 'Eg vil helst ha kunst og handverk først på dagen.'],
  [
    'Jeg er redd for å bli spurt om hvorfor jeg har vært borte.',
    'Eg er redd for å bli spurd om kvifor eg har vore borte.',
  ],
  ['Det er lettere når jeg vet timeplanen dagen før.', 'Det er lettare når eg veit timeplanen dagen før.'],
  [
    'Jeg savner de i klassen, men jeg klarer ikke å gå dit.',
    'Eg saknar dei i klassen, men eg klarer ikkje å gå dit.',
  ],
  [
    'Noen sa stygge ting i garderoben, og da ville jeg ikke mer.',
    'Nokon sa stygge ting i garderoben, og då ville eg ikkje meir.',
  ],
  ['Matte er det verste, da får jeg hjertebank.', 'Matte er det verste, då får eg hjartebank.'],
  [
    'Jeg vil ikke at læreren skal si navnet mitt høyt.',
    'Eg vil ikkje at læraren skal seie namnet mitt høgt.',
  ],
  [
    'Det går bedre når mamma kjører meg og jeg slipper bussen.',
    'Det går betre når mamma køyrer meg og eg slepp bussen.',
  ],
  [
    'Jeg vil gjerne være med på turen, men ikke sove borte.',
    'Eg vil gjerne vere med på turen, men ikkje sove borte.',
  ],
  ['Samtale hjemme med ', 'Samtale heime med '],
  [', foresatte til stede.', ', føresette til stades.'],
  [', referert med elevens samtykke.', ', referert med samtykke frå eleven.'],
  ['Skrevet av eleven selv på skjema «Min skoledag»', 'Skrive av eleven sjølv på skjemaet «Min skuledag»'],
  // Foresattes syn (PARENTS)
  [
    'Vi opplever at fraværet har økt mens vi har ventet på hjelp.',
    'Vi opplever at fråværet har auka medan vi har venta på hjelp.',
  ],
  ['Vi ønsker kortere skoledager i en periode, så ', 'Vi ønskjer kortare skuledagar i ein periode, så '],
  [' får oppleve å lykkes.', ' får oppleve å lukkast.'],
  ['Vi er bekymret for at ', 'Vi er uroa for at '],
  [' blir hengende etter faglig.', ' blir hengjande etter fagleg.'],
  [
    'Morgenene er en kamp hjemme, og vi trenger råd om hva vi skal gjøre.',
    'Morgonane er ein kamp heime, og vi treng råd om kva vi skal gjere.',
  ],
  [
    'Vi vil ha én fast kontaktperson på skolen, ikke nye personer hele tiden.',
    'Vi vil ha éin fast kontaktperson på skulen, ikkje nye personar heile tida.',
  ],
  [
    'Vi mener skolen må se på klassemiljøet, ikke bare på ',
    'Vi meiner skulen må sjå på klassemiljøet, ikkje berre på ',
  ],
  [
    'Avtalen om fast voksen om morgenen har ikke blitt fulgt opp.',
    'Avtalen om fast vaksen om morgonen har ikkje blitt følgd opp.',
  ],
  [
    'Vi opplever at vi blir sett på som en del av problemet.',
    'Vi opplever at vi blir sett på som ein del av problemet.',
  ],
  ['Det har hjulpet at læreren ringer før helgen.', 'Det har hjelpt at læraren ringjer før helga.'],
  ['Vi ønsker at ', 'Vi ønskjer at '],
  [' får være med på å bestemme tiltakene.', ' får vere med på å bestemme tiltaka.'],
  [
    'Vi er usikre på om vikarbruken er en del av årsaken.',
    'Vi er usikre på om vikarbruken er ein del av årsaka.',
  ],
  ['Vi vil gjerne ha referat fra møtene skriftlig.', 'Vi vil gjerne ha skriftleg referat frå møta.'],
  // Fleksibel oppstart (the most common measure)
  [' med fast voksen ved ', ' med fast vaksen ved '],
  ['hovedinngangen', 'hovudinngangen'],
  ['sykkelstativet', 'sykkelstativet'],
  [' og går sammen med den voksne til første time.', ' og går saman med den vaksne til første time.'],
  ['hver skoledag, morgen og ettermiddag', 'kvar skuledag, morgon og ettermiddag'],
  ['hver skoledag', 'kvar skuledag'],
  [' er på skolen innen kl. ', ' er på skulen innan kl. '],
  [' dager de to siste ukene før evaluering.', ' dagar dei to siste vekene før evalueringa.'],
  ['fraværsoversikt og elevsamtale', 'fråværsoversikt og elevsamtale'],
  ['min/dag for ', 'min/dag for '],
  // Trygg vaksen (the second most common measure)
  ['Trygg voksen: ', 'Trygg vaksen: '],
  [' har fem minutters innsjekk med ', ' har fem minutt innsjekk med '],
  [' hver morgen og en kort utsjekk før hjemgang.', ' kvar morgon og ei kort utsjekk før heimgang.'],
  [
    ' svarer 4 eller høyere på spørsmålet «Hvor trygg var du på skolen i dag?» (skala 1–6) minst 3 dager i uka.',
    ' svarar 4 eller høgare på spørsmålet «Kor trygg var du på skulen i dag?» (skala 1–6) minst 3 dagar i veka.',
  ],
  [
    'elevens egen vurdering hver fredag og samtale med foresatte',
    'eleven si eiga vurdering kvar fredag og samtale med føresette',
  ],
  ['1 t/uke for innsjekk og utsjekk', '1 t/veke for innsjekk og utsjekk'],
  // Forutsigbar veke
  [
    'Forutsigbar uke: ukeplan med timeplanendringer, vikarer og turer markert sendes hjem fredag innen kl. ',
    'Føreseieleg veke: vekeplan der timeplanendringar, vikarar og turar er merkte, blir send heim fredag innan kl. ',
  ],
  ['hver fredag', 'kvar fredag'],
  [
    ' og foresatte kjenner endringene i neste uke før helgen, alle uker i prøveperioden.',
    ' og føresette kjenner endringane i neste veke før helga, alle veker i prøveperioden.',
  ],
  [
    'foresatte bekrefter mottak; gjennomgang i evalueringsmøtet',
    'føresette stadfestar at dei har fått planen; gjennomgang i evalueringsmøtet',
  ],
  ['30 min/uke for kontaktlærer', '30 min/veke for kontaktlærar'],
  // Varsling om endringar
  ['Varsling om endringer: kontaktlærer gir ', 'Varsling om endringar: kontaktlæraren gir '],
  [
    ' og foresatte beskjed dagen før om vikar, ekskursjon eller endret timeplan.',
    ' og føresette beskjed dagen før om vikar, ekskursjon eller endra timeplan.',
  ],
  ['Ingen uvarslede endringer i prøveperioden.', 'Ingen uvarsla endringar i prøveperioden.'],
  [
    'foresatte og eleven noterer uvarslede endringer; gjennomgang i evalueringsmøtet',
    'føresette og eleven noterer uvarsla endringar; gjennomgang i evalueringsmøtet',
  ],
  ['ingen ekstra ressurser', 'ingen ekstra ressursar'],
  // Rettleiing til kontaktlæraren
  ['Veiledning til kontaktlærer fra ', 'Rettleiing til kontaktlæraren frå '],
  [' samtaler à 60 minutter om tilrettelegging for ', ' samtalar à 60 minutt om tilrettelegging for '],
  [' ved ufrivillig skolefravær.', ' ved ufrivillig skulefråvær.'],
  ['annenhver uke', 'annakvar veke'],
  ['Kontaktlærer har en skriftlig plan for ', 'Kontaktlæraren har ein skriftleg plan for skuledagen til '],
  [' skoledag og bruker den, bekreftet i evalueringsmøtet.', ' og bruker han, stadfesta i evalueringsmøtet.'],
  ['gjennomgang av planen i evalueringsmøtet', 'gjennomgang av planen i evalueringsmøtet'],
  ['1 t annenhver uke frikjøp for kontaktlærer', '1 t annakvar veke frikjøp for kontaktlæraren'],
  // Dagleg melding heim
  [
    'Daglig melding hjem: kontaktlærer sender en kort melding til foresatte kl. 14 i ',
    'Dagleg melding heim: kontaktlæraren sender ei kort melding til føresette kl. 14 i ',
  ],
  ['SMS fra skolens telefon', 'SMS frå telefonen til skulen'],
  [' om hvordan dagen har vært.', ' om korleis dagen har vore.'],
  [
    'Foresatte får melding alle skoledager i prøveperioden og svarer på den samme kveld.',
    'Føresette får melding alle skuledagar i prøveperioden og svarar på ho same kvelden.',
  ],
  ['meldingslogg og samtale med foresatte', 'meldingslogg og samtale med føresette'],
  ['10 min/dag for kontaktlærer', '10 min/dag for kontaktlærar'],
  // Henting heimanfrå
  ['Henting hjemmefra: miljøterapeut henter ', 'Henting heimanfrå: miljøterapeuten hentar '],
  [' hjemme ', ' heime '],
  [' og følger til skolen.', ' og følgjer til skulen.'],
  [
    ' kommer på skolen de dagene hentingen skjer, 4 av 4 dager i to uker på rad.',
    ' kjem på skulen dei dagane hentinga skjer, 4 av 4 dagar i to veker på rad.',
  ],
  ['loggføring av hentingen og fraværsoversikt', 'loggføring av hentinga og fråværsoversikt'],
  ['2 t/uke miljøterapeut', '2 t/veke miljøterapeut'],
  // Helsesjukepleiar
  ['Samtale med helsesykepleier hver ', 'Samtale med helsesjukepleiar kvar '],
  [' om søvn, vondt i magen og det som bekymrer ', ' om søvn, vondt i magen og det som uroar '],
  ['ukentlig', 'kvar veke'],
  [
    ' rapporterer færre morgener med vondt i magen (logg hjemme), og fraværet går ned.',
    ' melder om færre morgonar med vondt i magen (logg heime), og fråværet går ned.',
  ],
  ['symptomlogg hjemme og fraværsoversikt', 'symptomlogg heime og fråværsoversikt'],
  ['30 min/uke helsesykepleier', '30 min/veke helsesjukepleiar'],
  // Pauseavtale
  [
    ' etter avtalt signal til læreren, inntil 10 minutter, to ganger per økt, og kommer tilbake til timen.',
    ' etter avtalt signal til læraren, inntil 10 minutt, to gonger per økt, og kjem tilbake til timen.',
  ],
  ['rommet til sosiallærer', 'rommet til sosiallæraren'],
  ['alle skoledager', 'alle skuledagar'],
  [
    ' blir på skolen hele skoledagen minst 4 av 5 dager.',
    ' blir på skulen heile skuledagen minst 4 av 5 dagar.',
  ],
  ['pauselogg og fraværsoversikt', 'pauselogg og fråværsoversikt'],
  [' må være ledig; 15 min/uke oppfølging', ' må vere ledig; 15 min/veke oppfølging'],
  // Fast plass, gruppearbeid, storefri, første økt
  [
    ' og samme sidemann i alle timer, også når det er vikar.',
    ' og same sidemann i alle timar, også når det er vikar.',
  ],
  ['alle timer', 'alle timar'],
  [
    ' sier i elevsamtalen at plassen gjør timene lettere.',
    ' seier i elevsamtalen at plassen gjer timane lettare.',
  ],
  ['beskjed i vikarpermen', 'beskjed i vikarpermen'],
  ['fraværsoversikt', 'fråværsoversikt'],
  [
    ' møter til første økt disse dagene i minst 5 av 6 uker.',
    ' møter til første økt desse dagane i minst 5 av 6 veker.',
  ],
  ['endring i timeplanen for trinnet', 'endring i timeplanen for trinnet'],
  ['2 t/uke miljøterapeut', '2 t/veke miljøterapeut'],
  [
    ' er med på aktiviteten og er ute i friminuttet minst 3 dager i uka.',
    ' er med på aktiviteten og er ute i friminuttet minst 3 dagar i veka.',
  ],
  // Redusert timeplan
  [
    '. Timeplanen utvides med én økt per uke etter avtale med ',
    '. Timeplanen blir utvida med éi økt per veke etter avtale med ',
  ],
  [' uker: ', ' veker: '],
  [' deltar i ', ' deltek i '],
  ['kunst og håndverk', 'kunst og handverk'],
  ['ukentlig gjennomgang av timeplanen (fredag)', 'gjennomgang av timeplanen kvar veke (fredag)'],
  [' følger full timeplan innen ', ' følgjer full timeplan innan '],
  [' uker etter start.', ' veker etter start.'],
  [
    'timeplan og fraværsoversikt gjennomgås med eleven og foresatte',
    'timeplan og fråværsoversikt blir gått gjennom med eleven og føresette',
  ],
  ['1 t/uke planleggingstid for kontaktlærer', '1 t/veke planleggingstid for kontaktlæraren'],
  // Grupper og arbeidspar
  [
    'Lærerne setter sammen grupper og arbeidspar i alle fag, slik at ',
    'Lærarane set saman grupper og arbeidspar i alle fag, slik at ',
  ],
  [' ikke blir stående uten gruppe.', ' ikkje blir ståande utan gruppe.'],
  ['i alle timer med gruppearbeid', 'i alle timar med gruppearbeid'],
  [
    ' har en fast gruppe i alle fag og sier selv at gruppearbeid er «greit» eller bedre.',
    ' har ei fast gruppe i alle fag og seier sjølv at gruppearbeid er «greitt» eller betre.',
  ],
  ['felles planlegging i trinnteamet, 30 min', 'felles planlegging i trinnteamet, 30 min'],
  // Storefri
  ['Organisert aktivitet i storefri ', 'Organisert aktivitet i storefri '],
  [' ledet av miljøterapeut, med plass til ', ' leidd av miljøterapeut, med plass til '],
  [' og to medelever ', ' og to medelevar '],
  [' har valgt.', ' har valt.'],
  [' storefri hver dag ', ' storefri kvar dag '],
  ['tirsdag og torsdag', 'tysdag og torsdag'],
  ['mandag', 'måndag'],
  // Første økt
  ['Dagen starter med et fag ', 'Dagen byrjar med eit fag '],
  [' mestrer: ', ' meistrar: '],
  [' legges til første økt ', ' blir lagd til første økt '],
  // Morgonrutine heime
  ['Fast morgenrutine hjemme: vekking kl. ', 'Fast morgonrutine heime: vekking kl. '],
  [', frokost og avreise kl. ', ', frukost og avreise kl. '],
  ['. Far følger ', '. Far følgjer '],
  ['. Mor følger ', '. Mor følgjer '],
  ['. Foresatt følger ', '. Føresett følgjer '],
  [' til den faste voksne ved skoleporten.', ' til den faste vaksne ved skuleporten.'],
  [' er på skolen ved skolestart minst 4 av 5 dager.', ' er på skulen ved skulestart minst 4 av 5 dagar.'],
  ['morgenlogg hjemme og fraværsoversikt', 'morgonlogg heime og fråværsoversikt'],
  [
    'fleksibel arbeidstid for foresatt i prøveperioden',
    'fleksibel arbeidstid for den føresette i prøveperioden',
  ],
  // Aktivitetsplan (the genitive is moved behind «til» in demoNynorskText)
  ['planen følges opp ukentlig i trinnteamet', 'planen blir følgd opp kvar veke i trinnteamet'],
  [
    ' opplever skolemiljøet som trygt og godt (elevsamtale), og tiltakene i planen er gjennomført.',
    ' opplever skulemiljøet som trygt og godt (elevsamtale), og tiltaka i planen er gjennomførte.',
  ],
  [
    'elevsamtale, samtale med foresatte og gjennomgang av planen',
    'elevsamtale, samtale med føresette og gjennomgang av planen',
  ],
  ['2 t planleggingstid for sosiallærer', '2 t planleggingstid for sosiallæraren'],
  // Individuelt tilrettelagd opplæring
  ['Individuelt tilrettelagt opplæring i ', 'Individuelt tilrettelagd opplæring i '],
  [' timer/uke i liten gruppe med spesialpedagog.', ' timar/veke i lita gruppe med spesialpedagog.'],
  [
    ' deltar i alle timene i liten gruppe og når målene i IOP for perioden.',
    ' deltek i alle timane i lita gruppe og når måla i IOP for perioden.',
  ],
  ['IOP-gjennomgang, fraværsoversikt og elevsamtale', 'IOP-gjennomgang, fråværsoversikt og elevsamtale'],
  [' t/uke spesialpedagog', ' t/veke spesialpedagog'],
  // Trinnvis plan
  ['Trinnvis plan for mer tid i klasserommet: ', 'Trinnvis plan for meir tid i klasserommet: '],
  [' starter med ', ' byrjar med '],
  ['siste time før lunsj', 'siste timen før lunsj'],
  ['første time', 'første timen'],
  [
    ' og går til neste trinn når to uker på samme trinn har gått bra.',
    ' og går til neste trinn når to veker på same trinn har gått bra.',
  ],
  ['daglig, trinnene vurderes ', 'dagleg, trinna blir vurderte '],
  [
    ' er i klasserommet minst halve skoledagen innen evalueringsdatoen.',
    ' er i klasserommet minst halve skuledagen innan evalueringsdatoen.',
  ],
  ['trinnskjema fylt ut av eleven og kontaktlærer', 'trinnskjema fylt ut av eleven og kontaktlæraren'],
  ['1 t/uke for kontaktlærer, 1 t/uke saksbehandler', '1 t/veke for kontaktlæraren, 1 t/veke saksbehandlar'],
  // Sakkyndig vurdering: the conclusions (generate.ts demoConclusion)
  [
    'Lese- og skrivetrening i norsk og regning med konkreter, med mål fra læreplanen på trinnet.',
    'Lese- og skrivetrening i norsk og rekning med konkretar, med mål frå læreplanen på trinnet.',
  ],
  [
    'To økter i uka i liten gruppe, resten i klassen med støtte fra kontaktlærer.',
    'To økter i veka i lita gruppe, resten i klassen med støtte frå kontaktlæraren.',
  ],
  ['Spesialpedagog leder øktene i liten gruppe.', 'Spesialpedagog leier øktene i lita gruppe.'],
  [
    'Norsk og matematikk med egne mål, og trening i å mestre overgangene i skoledagen.',
    'Norsk og matematikk med eigne mål, og trening i å meistre overgangane i skuledagen.',
  ],
  [
    'Tre timer i uka alene med spesialpedagog, resten i klassen.',
    'Tre timar i veka åleine med spesialpedagog, resten i klassen.',
  ],
  [
    'Spesialpedagog; assistent i klassen under veiledning av spesialpedagogen.',
    'Spesialpedagog; assistent i klassen med rettleiing frå spesialpedagogen.',
  ],
  [
    ' vil ha faste voksne og vite dagen før hva som skjer; det har vi lagt stor vekt på.',
    ' vil ha faste vaksne og vite dagen før kva som skjer; det har vi lagt stor vekt på.',
  ],
  [
    ' Foresatte ønsker liten gruppe i norsk, og det tilrår vi.',
    ' Føresette ønskjer lita gruppe i norsk, og det tilrår vi.',
  ],
  [
    ' og foresatte mener tiltakene i klassen er nok nå, og det er vi enige i.',
    ' og føresette meiner tiltaka i klassen er nok no, og det er vi samde i.',
  ],
];

/**
 * The referral reasons (shared/demo/texts.ts REASONS), printed under «Bakgrunn»: whole texts, so
 * that no fragment above changes a reason half-way. A second referral ends in «(ny henvisning)».
 */
const REASONS_NN: Record<string, string> = {
  'ufrivillig skolefravær': 'ufrivillig skulefråvær',
  'ufrivillig skolefravær; spørsmål om behov for individuelt tilrettelagt opplæring':
    'ufrivillig skulefråvær; spørsmål om behov for individuelt tilrettelagd opplæring',
  'økende fravær etter overgang til ungdomsskolen': 'aukande fråvær etter overgangen til ungdomsskulen',
  'bekymringsfullt fravær og lite utbytte av opplæringen': 'uroande fråvær og lite utbyte av opplæringa',
  'ufrivillig skolefravær og vansker med lesing og skriving':
    'ufrivillig skulefråvær og vanskar med lesing og skriving',
  'delvis fravær: kommer sent og går tidlig hjem': 'delvis fråvær: kjem seint og går tidleg heim',
  'ufrivillig skolefravær med angst og søvnvansker': 'ufrivillig skulefråvær med angst og søvnvanskar',
  'skolevegring, vondt i magen om morgenen og sosial tilbaketrekning':
    'skulevegring, vondt i magen om morgonen og sosial tilbaketrekking',
  'spørsmål om angstlidelse; høyt skolefravær': 'spørsmål om angstliding; høgt skulefråvær',
  'utredning av mulig autismespekterforstyrrelse; ufrivillig skolefravær':
    'utgreiing av mogleg autismespekterforstyrring; ufrivillig skulefråvær',
  'nedstemthet og ufrivillig skolefravær': 'nedstemtheit og ufrivillig skulefråvær',
  'bekymringsfullt fravær siste seks uker': 'uroande fråvær dei siste seks vekene',
  'eleven vil ikke på skolen etter konflikt i klassen': 'eleven vil ikkje på skulen etter konflikt i klassen',
  'separasjonsangst og delvis fravær': 'separasjonsangst og delvis fråvær',
  'familien ber om hjelp med morgenrutiner og skolefravær':
    'familien ber om hjelp med morgonrutinar og skulefråvær',
  'ufrivillig skolefravær og konflikter hjemme rundt skolestart':
    'ufrivillig skulefråvær og konfliktar heime kring skulestart',
  'foresatte ønsker veiledning ved skolevegring': 'føresette ønskjer rettleiing ved skulevegring',
  'PPT ber om bistand: langvarig ufrivillig skolefravær uten bedring etter tiltak':
    'PPT ber om bistand: langvarig ufrivillig skulefråvær utan betring etter tiltak',
  'behov for kompetanse om tilrettelegging ved autisme og skolefravær':
    'behov for kompetanse om tilrettelegging ved autisme og skulefråvær',
  'utredning av utviklingsforstyrrelse; høyt skolefravær':
    'utgreiing av utviklingsforstyrring; høgt skulefråvær',
  'behov for habiliteringstiltak; eleven klarer ikke full skoledag':
    'behov for habiliteringstiltak; eleven klarer ikkje full skuledag',
  'bekymringsfullt fravær': 'uroande fråvær',
};
const RE_REFERRAL = ' (ny henvisning)';

/** The nynorsk of a demo referral reason, or null for a reason the demo did not write. */
export function demoReasonNynorsk(reason: string | null | undefined): string | null {
  if (!reason) return null;
  const again = reason.endsWith(RE_REFERRAL);
  const nn = REASONS_NN[again ? reason.slice(0, -RE_REFERRAL.length) : reason];
  return nn ? `${nn}${again ? ' (ny tilvising)' : ''}` : null;
}

/**
 * The family's texts (shared/demo/family.ts): the pupil's dated words and the parents' proposals
 * with the service's answers, as whole texts. «{worker}» is the caseworker's name.
 */
const FAMILY_NN: Record<string, string> = {
  'Det verste er å gå inn i klasserommet når alle allerede sitter.':
    'Det verste er å gå inn i klasserommet når alle alt sit.',
  'Jeg får vondt i magen på søndagskvelden.': 'Eg får vondt i magen på søndagskvelden.',
  'Jeg vet ikke hvem jeg skal si fra til når det blir for mye.':
    'Eg veit ikkje kven eg skal seie frå til når det blir for mykje.',
  'Friminuttene er lange når jeg ikke har noen å være med.':
    'Friminutta er lange når eg ikkje har nokon å vere med.',
  'Jeg liker matte, men ikke når vi skal svare høyt.': 'Eg likar matte, men ikkje når vi skal svare høgt.',
  'Å få begynne litt senere noen dager.': 'Å få byrje litt seinare nokre dagar.',
  'At læreren sier hva som skal skje i timen før den begynner.':
    'At læraren seier kva som skal skje i timen før han byrjar.',
  'Å ha ett sted å gå når det blir for mye.': 'Å ha ein stad å gå når det blir for mykje.',
  'At noen møter meg i døra om morgenen.': 'At nokon møter meg i døra om morgonen.',
  'Når {worker} ringer før helgen.': 'Når {worker} ringjer før helga.',
  'Å ha musikk på øret i garderoben.': 'Å ha musikk på øyret i garderoben.',
  'Fast plass ved døra.': 'Fast plass ved døra.',
  'At mamma kan sende melding til læreren om morgenen.':
    'At mamma kan sende melding til læraren om morgonen.',
  'Vikarer som ikke vet om avtalen.': 'Vikarar som ikkje veit om avtalen.',
  'Når noen spør hvor jeg har vært.': 'Når nokon spør kvar eg har vore.',
  'Høye lyder i gymsalen.': 'Høge lydar i gymsalen.',
  'Gruppearbeid med nye grupper hver uke.': 'Gruppearbeid med nye grupper kvar veke.',
  'Redusert timeplan de første tre ukene, med økning hver uke.':
    'Redusert timeplan dei første tre vekene, med auke kvar veke.',
  'At kontaktlærer ringer hjem fredag ettermiddag.': 'At kontaktlæraren ringjer heim fredag ettermiddag.',
  'Et eget rom å gå til i friminuttene.': 'Eit eige rom å gå til i friminutta.',
  'Skyss til skolen de dagene det er vanskeligst.': 'Skyss til skulen dei dagane det er vanskelegast.',
  'Hjemmeundervisning én dag i uka i en periode.': 'Heimeundervisning éin dag i veka i ein periode.',
  'At eleven slipper muntlig framføring foran klassen dette halvåret.':
    'At eleven slepp munnleg framføring framfor klassen dette halvåret.',
  'Skolen har lagt det inn i tiltaksplanen fra neste uke.':
    'Skulen har lagt det inn i tiltaksplanen frå neste veke.',
  'Avtalt i samarbeidsmøtet.': 'Avtalt i samarbeidsmøtet.',
  'Skolen kan gjøre det to dager i uka, ikke hver dag.':
    'Skulen kan gjere det to dagar i veka, ikkje kvar dag.',
  'Tatt inn for fire uker; så evalueres det.': 'Teke inn for fire veker; så blir det evaluert.',
  'Opplæringen skal skje på skolen; vi prøver heller fleksibel oppstart.':
    'Opplæringa skal skje på skulen; vi prøver heller fleksibel oppstart.',
  'Kommunen har ikke denne ordningen; vi har foreslått et alternativ i tiltaksplanen.':
    'Kommunen har ikkje denne ordninga; vi har føreslått eit alternativ i tiltaksplanen.',
};

/** Meeting decisions and agreements (shared/demo/texts.ts DECISIONS, AGREEMENTS); «{service}» is the service. */
const MEETING_NN: Record<string, string> = {
  'Skolen utpeker fast voksen om morgenen.': 'Skulen peiker ut ein fast vaksen om morgonen.',
  'Fraværsoversikt sendes til {service} før hvert møte.':
    'Fråværsoversikt blir send til {service} før kvart møte.',
  'Foresatte og skolen lager felles morgenplan.': 'Føresette og skulen lagar felles morgonplan.',
  'Skolen kartlegger skolemiljøet i klassen før neste møte.':
    'Skulen kartlegg skulemiljøet i klassen før neste møte.',
  'Neste møte holdes om fire uker.': 'Neste møte blir halde om fire veker.',
  'Tiltakene i anbefalingen prøves ut i seks uker.': 'Tiltaka i tilrådinga blir prøvde ut i seks veker.',
  'Rektor avklarer ressurser til miljøterapeut innen to uker.':
    'Rektor avklarer ressursar til miljøterapeut innan to veker.',
  'Timeplanen justeres fra neste uke.': 'Timeplanen blir justert frå neste veke.',
  'Skolen svarer skriftlig på anbefalingen innen tre uker.':
    'Skulen svarar skriftleg på tilrådinga innan tre veker.',
  'Tiltaket videreføres til jul.': 'Tiltaket held fram til jul.',
  'Oppstartstidspunktet flyttes til kl. 09.00.': 'Oppstartstidspunktet blir flytta til kl. 09.00.',
  'Fast voksen byttes ut etter ønske fra eleven.': 'Den faste vaksne blir bytt ut etter ønske frå eleven.',
  'Neste evaluering om seks uker.': 'Neste evaluering om seks veker.',
  'Saken avsluttes hos {service}; skolen følger opp videre.':
    'Saka blir avslutta hjå {service}; skulen følgjer opp vidare.',
  'Tiltakene som virker videreføres neste skoleår.': 'Tiltaka som verkar, held fram neste skuleår.',
  'Overgangsplan lages før skolestart.': 'Overgangsplan blir laga før skulestart.',
  'Sende ukeplan med endringer hjem fredag': 'Sende vekeplan med endringar heim fredag',
  'Avklare ressurser til miljøterapeut': 'Avklare ressursar til miljøterapeut',
  'Sende fraværsoversikt før neste møte': 'Sende fråværsoversikt før neste møte',
  'Sende referat til alle parter': 'Sende referat til alle partar',
  'Fast plass ved vinduet fra mandag': 'Fast plass ved vindauget frå måndag',
  'Eleven får velge gruppe i kroppsøving': 'Eleven får velje gruppe i kroppsøving',
  'Ingen framføring foran klassen før jul': 'Inga framføring framfor klassen før jul',
  'Be fastlegen om vurdering av søvn': 'Be fastlegen om vurdering av søvn',
  'Innkalle til evalueringsmøte': 'Kalle inn til evalueringsmøte',
  'Undersøke skolemiljøet i klassen (aktivitetsplikt)': 'Undersøkje skulemiljøet i klassen (aktivitetsplikt)',
};

/** The nynorsk of a demo meeting decision or agreement, or null. */
export function demoMeetingNynorsk(text: string | null | undefined, service: string): string | null {
  if (!text) return null;
  for (const [nb, nn] of Object.entries(MEETING_NN)) {
    if (nb.replace('{service}', service) === text) {
      const out = nn.replace('{service}', service);
      return out === text ? null : out;
    }
  }
  return null;
}

/** The nynorsk of a text from the demo's family (shared/demo/family.ts), or null. */
export function demoFamilyNynorsk(text: string | null | undefined): string | null {
  if (!text) return null;
  const exact = FAMILY_NN[text];
  if (exact !== undefined) return exact === text ? null : exact;
  const worker = /^Når (.+) ringer før helgen\.$/u.exec(text);
  return worker ? `Når ${worker[1]} ringjer før helga.` : null;
}

/** "6 uker" → "6 veker" (the trial period as the demo writes it). */
const WEEKS = /^(\d+) uker$/u;

/**
 * The nynorsk of a demo text, or null when the demo has none for it (unchanged, or a bokmål word
 * left after the known fragments are replaced).
 */
export function demoNynorskText(text: string | null | undefined): string | null {
  if (!text) return null;
  const weeks = WEEKS.exec(text);
  if (weeks) return `${weeks[1]} veker`;
  const hours = /^(\d+) timer\/uke$/u.exec(text);
  if (hours) return `${hours[1]} timar/veke`;
  let t = text;
  for (const [nb, nn] of FRAGMENTS) t = t.split(nb).join(nn);
  // "skuledagen til Kirstes" (the bokmål genitive moved behind «til»): the name without its «s».
  t = t.replace(/skuledagen til (\S+?)(?:s|')? og bruker han/u, 'skuledagen til $1 og bruker han');
  t = t.replace(
    /^Skriftlig aktivitetsplan for (\S+?)(?:s|') skolemiljø: problemet, tiltakene, hvem som gjør hva, når og når planen evalueres\.$/u,
    'Skriftleg aktivitetsplan for skulemiljøet til $1: problemet, tiltaka, kven som gjer kva, når, og når planen blir evaluert.',
  );
  return t !== text && !readsAsBokmal(t) ? t : null;
}

/**
 * Whole demo texts written with the pupil's first name: the forventningsavklaring
 * (shared/demo/texts.ts expectations, shared/demo/family.ts), the two understandings of the absence
 * (shared/demo/schoolSide.ts), how a voice was gathered, the parents' comment on the
 * høringsutkast, and the sakkyndig vurdering's statutory topics and reductions
 * (shared/demo/generate.ts demoConclusion). «{p}» is the name; «{g}» the bokmål genitive of it.
 */
const WHOLE_NN: [string, string][] = [
  // Forventningsavklaring: what the service can offer, per service
  [
    'Utredning av {g} opplæringssituasjon, samtaler med eleven og foresatte, observasjon i klassen og skriftlig anbefaling til skolen.',
    'Utgreiing av opplæringssituasjonen til {p}, samtalar med eleven og føresette, observasjon i klassen og skriftleg tilråding til skulen.',
  ],
  [
    'Utredning, samtaler med {p} og foresatte, og råd til skolen om tilrettelegging.',
    'Utgreiing, samtalar med {p} og føresette, og råd til skulen om tilrettelegging.',
  ],
  [
    'Kartlegging sammen med skolen og familien, tiltaksplan og oppfølging i samarbeidsmøter hver tredje uke.',
    'Kartlegging saman med skulen og familien, tiltaksplan og oppfølging i samarbeidsmøte kvar tredje veke.',
  ],
  [
    'Familiesamtaler om morgenrutiner og samarbeid med skolen.',
    'Familiesamtalar om morgonrutinar og samarbeid med skulen.',
  ],
  ['Veiledning til PPT og skolen om tilrettelegging.', 'Rettleiing til PPT og skulen om tilrettelegging.'],
  [
    'Utredning og råd om tilrettelegging i skolen og hjemme.',
    'Utgreiing og råd om tilrettelegging på skulen og heime.',
  ],
  ['Samtaler og råd om tiltak.', 'Samtalar og råd om tiltak.'],
  // … what it cannot
  ['Vi kan ikke følge eleven til skolen om morgenen.', 'Vi kan ikkje følgje eleven til skulen om morgonen.'],
  [
    'Vi kan ikke bestemme hvilke ressurser skolen får; det gjør skoleeier.',
    'Vi kan ikkje bestemme kva ressursar skulen får; det gjer skuleeigaren.',
  ],
  [
    'Vi kan ikke gi behandling; vi gir råd og veiledning.',
    'Vi kan ikkje gi behandling; vi gir råd og rettleiing.',
  ],
  [
    'Vi kan ikke love at fraværet er borte innen en bestemt dato.',
    'Vi kan ikkje love at fråværet er borte innan ein bestemd dato.',
  ],
  // … the timeline, per service
  [
    'Første samtale innen tre uker, anbefaling innen tre måneder etter at henvisningen ble mottatt.',
    'Første samtale innan tre veker, tilråding innan tre månader etter at tilvisinga kom inn.',
  ],
  [
    'Vurdering av henvisningen innen 10 virkedager; oppstart innen fristen i brevet.',
    'Vurdering av tilvisinga innan 10 yrkedagar; oppstart innan fristen i brevet.',
  ],
  [
    'Vurdering innen 10 virkedager; oppstart innen fristen i brevet.',
    'Vurdering innan 10 yrkedagar; oppstart innan fristen i brevet.',
  ],
  [
    'Første møte innen to uker, evaluering etter seks uker.',
    'Første møte innan to veker, evaluering etter seks veker.',
  ],
  ['Første samtale innen fire uker.', 'Første samtale innan fire veker.'],
  [
    'Oppstart etter avtale med PPT, vanligvis innen to måneder.',
    'Oppstart etter avtale med PPT, vanlegvis innan to månader.',
  ],
  // … what the school and the family commit to, and are asked to
  [
    'Skolen sender fraværsoversikt hver 14. dag; foresatte gir beskjed ved endringer hjemme.',
    'Skulen sender fråværsoversikt kvar 14. dag; føresette gir beskjed ved endringar heime.',
  ],
  [
    'Skolen utpeker en fast voksen; foresatte deltar i alle samarbeidsmøter.',
    'Skulen peikar ut ein fast vaksen; føresette deltek i alle samarbeidsmøta.',
  ],
  [
    'Rektor deltar i første og siste møte; kontaktlærer melder hjem hver fredag.',
    'Rektor deltek i første og siste møte; kontaktlæraren melder heim kvar fredag.',
  ],
  [
    'Gi skolen beskjed før kl. 08 de dagene {p} blir hjemme, og kom på samarbeidsmøtene.',
    'Gi skulen beskjed før kl. 08 dei dagane {p} blir heime, og kom på samarbeidsmøta.',
  ],
  ['Telefon hver fjortende dag, og ellers ved behov.', 'Telefon kvar fjortande dag, og elles ved behov.'],
  ['Samarbeidsmøte hver tredje uke; SMS mellom møtene.', 'Samarbeidsmøte kvar tredje veke; SMS mellom møta.'],
  [
    'Si fra til kontaktpersonen i tjenesten først. Blir vi ikke enige, kan dere ta det opp med lederen i tjenesten eller klage til Statsforvalteren.',
    'Sei frå til kontaktpersonen i tenesta først. Blir vi ikkje samde, kan de ta det opp med leiaren for tenesta eller klage til Statsforvaltaren.',
  ],
  // The school's and the parents' understanding of the absence
  [
    'Skolen ser at eleven strever mest om morgenen og i friminuttene, og at fraværet økte etter klassebyttet.',
    'Skulen ser at eleven strevar mest om morgonen og i friminutta, og at fråværet auka etter klassebytet.',
  ],
  [
    'Skolen ser at eleven trives i praktiske fag, men gruer seg til timer med vikar.',
    'Skulen ser at eleven trivst i praktiske fag, men gruar seg til timar med vikar.',
  ],
  [
    'Skolen ser at eleven trekker seg unna i store grupper og trenger en fast voksen.',
    'Skulen ser at eleven trekkjer seg unna i store grupper og treng ein fast vaksen.',
  ],
  [
    'Vi ser at eleven får vondt i magen søndag kveld og er redd for hva som skjer på skolen.',
    'Vi ser at eleven får vondt i magen søndag kveld og er redd for kva som skjer på skulen.',
  ],
  [
    'Vi ser at det går bedre de dagene eleven vet hvem som møter henne.',
    'Vi ser at det går betre dei dagane eleven veit kven som møter henne.',
  ],
  [
    'Vi ser at eleven er sliten etter skolen og trenger mer forutsigbarhet.',
    'Vi ser at eleven er sliten etter skulen og treng meir føreseielegheit.',
  ],
  // How a voice was gathered
  ['samtale på skolen', 'samtale på skulen'],
  ['samtale hjemme', 'samtale heime'],
  ['skjemaet «Min skoledag»', 'skjemaet «Min skuledag»'],
  ['tegning og samtale', 'teikning og samtale'],
  // The parents' comment on the høringsutkast
  [
    'Vi er enige i tiltakene, men ønsker at kontaktlærer ringer oss hver fredag i starten.',
    'Vi er samde i tiltaka, men ønskjer at kontaktlæraren ringjer oss kvar fredag i starten.',
  ],
  [
    'Vi savner at det står hva som skjer når det er vikar.',
    'Vi saknar at det står kva som skjer når det er vikar.',
  ],
  [
    'Vi ønsker at evalueringen kommer etter fire uker, ikke seks.',
    'Vi ønskjer at evalueringa kjem etter fire veker, ikkje seks.',
  ],
  // Why an evaluation decided what it did (shared/demo/texts.ts EVAL_WHY)
  ['Tiltaket virker og videreføres ut skoleåret.', 'Tiltaket verkar og held fram ut skuleåret.'],
  [
    'Tiltaket virker, men tidspunktet endres etter ønske fra eleven.',
    'Tiltaket verkar, men tidspunktet blir endra etter ønske frå eleven.',
  ],
  [
    'Målet er nådd; tiltaket trappes ned og avsluttes.',
    'Målet er nådd; tiltaket blir trappa ned og avslutta.',
  ],
  [
    'For tidlig å se effekt; tiltaket prøves fire uker til.',
    'For tidleg å sjå verknad; tiltaket blir prøvd fire veker til.',
  ],
  [
    'Ingen endring ennå: tidspunkt og ansvarlig voksen endres.',
    'Inga endring enno: tidspunkt og ansvarleg vaksen blir endra.',
  ],
  [
    'Tiltaket har ikke hatt effekt og erstattes av et annet.',
    'Tiltaket har ikkje hatt verknad og blir bytt ut med eit anna.',
  ],
  [
    'Fraværet har økt av andre grunner; tiltaket beholdes.',
    'Fråværet har auka av andre grunnar; tiltaket blir halde fram.',
  ],
  [
    'Fraværet har økt: tiltaket gjøres mindre krevende og følges tettere opp.',
    'Fråværet har auka: tiltaket blir gjort mindre krevjande og følgt tettare opp.',
  ],
  [
    'Tiltaket gjorde situasjonen verre for eleven og avsluttes.',
    'Tiltaket gjorde situasjonen verre for eleven og blir avslutta.',
  ],
  // The school's answer: why not, and what it does instead (generate.ts, schoolSide.ts CANNOT)
  ['Gjennomføres tre dager i uka i stedet for fem.', 'Blir gjennomført tre dagar i veka i staden for fem.'],
  ['Assistent i stedet for miljøterapeut.', 'Assistent i staden for miljøterapeut.'],
  ['Starter etter høstferien.', 'Byrjar etter haustferien.'],
  [
    'Skolen har ikke ressurser til ekstra voksen om morgenen.',
    'Skulen har ikkje ressursar til ekstra vaksen om morgonen.',
  ],
  [
    'Skolen har ikke ressurser til en ekstra voksen om morgenen.',
    'Skulen har ikkje ressursar til ein ekstra vaksen om morgonen.',
  ],
  [
    'Timeplanen for trinnet kan ikke endres dette skoleåret.',
    'Timeplanen for trinnet kan ikkje endrast dette skuleåret.',
  ],
  [
    'Kontaktlærer tar imot eleven i klasserommet ved skolestart.',
    'Kontaktlæraren tek imot eleven i klasserommet ved skulestart.',
  ],
  [
    'Kontaktlæreren tar imot eleven i klasserommet ved skolestart.',
    'Kontaktlæraren tek imot eleven i klasserommet ved skulestart.',
  ],
  [
    'Ingen på trinnet har erfaring med en slik pauseavtale.',
    'Ingen på trinnet har røynsle med ein slik pauseavtale.',
  ],
  [
    'Skolen ber PPT om veiledning først og prøver tiltaket etter det.',
    'Skulen ber PPT om rettleiing først og prøver tiltaket etter det.',
  ],
  ['Eleven får velge to fag med fast lærer hver dag.', 'Eleven får velje to fag med fast lærar kvar dag.'],
  [
    'Skolen skal slås sammen med naboskolen, og tiltaket venter til flyttingen.',
    'Skulen skal slåast saman med naboskulen, og tiltaket ventar til flyttinga.',
  ],
  [
    'Helsesykepleier har faste samtaler med eleven til flyttingen er over.',
    'Helsesjukepleiaren har faste samtalar med eleven til flyttinga er over.',
  ],
  // The sakkyndig vurdering's statutory topics and its reduction
  [
    'Samtaler med {p} og foresatte, observasjon i klassen to dager, kartlegging i lesing og regning, rapport fra skolen.',
    'Samtalar med {p} og føresette, observasjon i klassen to dagar, kartlegging i lesing og rekning, rapport frå skulen.',
  ],
  [
    '{p} får lite ut av opplæringen de dagene fraværet er høyt, og henger etter i norsk og matematikk.',
    '{p} får lite ut av opplæringa dei dagane fråværet er høgt, og heng etter i norsk og matematikk.',
  ],
  [
    '{p} har ingen kjente lærevansker, men strever med å komme seg på skolen og med overgangene i skoledagen.',
    '{p} har ingen kjende lærevanskar, men strevar med å kome seg på skulen og med overgangane i skuledagen.',
  ],
  [
    '{p} følger kompetansemålene i norsk og matematikk på trinnet, og er på skolen minst fire av fem dager.',
    '{p} følgjer kompetansemåla i norsk og matematikk på trinnet, og er på skulen minst fire av fem dagar.',
  ],
  [
    'Tilpasset opplæring alene har ikke gitt et tilfredsstillende utbytte det siste halvåret.',
    'Tilpassa opplæring åleine har ikkje gitt eit tilfredsstillande utbyte det siste halvåret.',
  ],
  [
    'Et forsvarlig tilbud er opplæring i klassen med støtte, og to økter i uka i liten gruppe med spesialpedagog.',
    'Eit forsvarleg tilbod er opplæring i klassen med støtte, og to økter i veka i lita gruppe med spesialpedagog.',
  ],
  [
    'Med tiltakene i klassen kan eleven få et tilfredsstillende utbytte.',
    'Med tiltaka i klassen kan eleven få eit tilfredsstillande utbyte.',
  ],
  ['Færre kompetansemål i engelsk dette skoleåret', 'Færre kompetansemål i engelsk dette skuleåret'],
  [
    'opplæringslova kapittel 11 (individuelt tilrettelagt opplæring)',
    'opplæringslova kapittel 11 (individuelt tilrettelagd opplæring)',
  ],
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

const WHOLE_RE: [RegExp, string][] = WHOLE_NN.map(([nb, nn]) => [
  new RegExp(
    `^${escapeRe(nb).replace(escapeRe('{g}'), "(.+?)(?:s|')").replace(escapeRe('{p}'), '(.+?)')}$`,
    'u',
  ),
  nn,
]);

/**
 * The nynorsk of a whole demo text written with the pupil's name (WHOLE_NN), or null when the demo
 * did not write it or its nynorsk is the same text.
 */
export function demoWholeNynorsk(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const [re, nn] of WHOLE_RE) {
    const m = re.exec(text);
    if (m) {
      const out = nn.replace('{p}', m[1] ?? '');
      return out === text ? null : out;
    }
  }
  return null;
}
