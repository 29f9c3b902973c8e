// The page's own words, in English and French, following the browser's language. Counts use the
// language's plural rules (Intl.PluralRules) and numbers its digit grouping (Intl.NumberFormat).
//
//   t('summaryUpdated', { n: 3 })   // "Summary updated: 3 sentences."
//   translatePage(document)          // elements with data-i18n="key" get their text in the page's language
//
// A message is a string, or an object keyed by plural category ('one', 'other'...) chosen by the
// variable `n`. Variables are written {name}; numbers among them are formatted for the language.

const MESSAGES = {
  en: {
    title: 'Précis — private article summarizer',
    tagline: 'Key sentences of an article, picked in your browser. Nothing you paste leaves this device.',
    skip: 'Skip to summary',
    articleHeading: 'Article',
    inputLabel: 'Paste, type, or drop a file (.txt, .md, .html, .pdf, .docx)',
    inputPlaceholder: 'Paste an article here…',
    inputHelp: 'The summary updates as you type.',
    openFile: 'Open a file…',
    clear: 'Clear',
    tryExample: 'Try an example',
    keptNote: 'Your text is kept in this browser only, so it survives a reload; Clear removes it.',
    keptTooLarge: 'This text is too large to keep across a reload; it stays until you close the page.',
    fulltextHeading: 'Text with the summary highlighted',
    fulltextEmpty: 'The text appears here once you paste it.',
    summaryHeading: 'Summary',
    lengthLegend: 'Length',
    modeSentences: 'Sentences',
    modeWords: 'Words',
    modePercent: '% of the text',
    short: 'Short',
    medium: 'Medium',
    long: 'Long',
    sentencesLabel: 'Number of sentences',
    languageLabel: 'Language',
    detect: 'Detect',
    detected: 'Detected: {name}',
    detectedUnsure: 'Detected: {name} (unsure)',
    unknownLanguage: 'unknown',
    summaryEmpty: 'Paste an article to see its key sentences.',
    noSentence: 'No sentence to pick: the text has no complete sentence yet.',
    working: { one: 'Summarizing {n} word…', other: 'Summarizing {n} words…' },
    summaryUpdated: { one: 'Summary updated: {n} sentence.', other: 'Summary updated: {n} sentences.' },
    improved: 'Summary improved: the meaning model is ready and has re-picked the key sentences.',
    improvedSame: 'The meaning model is ready: it confirms the same key sentences.',
    copyText: 'Copy as text',
    copyMarkdown: 'Copy as Markdown list',
    copied: 'Copied.',
    copyFailed: 'Copy failed: select the summary and copy it by hand.',
    statWords: 'Article',
    statSummary: 'Summary',
    statSaved: 'Reading time saved',
    statMethod: 'Picked by',
    wordsInSentences: {
      one: '{n} word in {s}', other: '{n} words in {s}',
    },
    sentences: { one: '{n} sentence', other: '{n} sentences' },
    summaryWords: { one: '{n} word ({share})', other: '{n} words ({share})' },
    savedNone: 'none: the summary is the whole text',
    savedUnderMinute: 'under a minute',
    savedAbout: 'about {time}',
    methodLexical: 'word statistics',
    methodModel: 'word statistics and a meaning model',
    scoresSummary: 'How strongly each sentence was picked',
    scoresHelp: 'Longer bars mark sentences the summarizer found more central; highlighted rows are in the summary.',
    scoresEmpty: 'Paste an article first.',
    noSentences: 'No sentences yet.',
    rank: 'rank {n} of {total}',
    colSentence: 'Sentence',
    colStrength: 'Strength',
    removedSummary: 'Removed junk',
    nothingRemoved: 'Nothing removed.',
    removedAs: 'Removed ({reason})',
    truncated: {
      one: '{n} very long sentence was judged by its beginning only.',
      other: '{n} very long sentences were judged by their beginning only.',
    },
    toSummary: 'See the summary ↓',
    loading: 'Loading…',
    modelWaiting: 'Summaries use word statistics. A better model ({size}) downloads after your first paste.',
    modelSaveData: 'Data saver is on: summaries use word statistics. The better model is {size}.',
    downloadModel: 'Download it',
    modelDownloading: 'Improving summaries: downloading the model… {percent} ({loaded} of {total}). Word statistics until then.',
    modelDownloadingNoSize: 'Improving summaries: downloading the model… Word statistics until then.',
    modelStarting: 'Improving summaries: starting the model… Word statistics until then.',
    modelReady: 'Summaries use word statistics and a meaning model.',
    modelFailed: 'The model could not be loaded; summaries use word statistics only.',
    modelFailedError: 'Model failed: {error}',
    modelNone: 'Summaries use word statistics.',
    cannotStart: 'Précis could not start.',
    cannotStartError: 'Précis could not start: {error}',
    somethingWrong: 'Something went wrong while summarizing.',
    offlineReady: 'Ready to work offline.',
    offlineLater: 'Runs offline once loaded.',
    multiThreaded: 'Multi-threaded.',
    updateReady: 'A new version is ready.',
    reload: 'Reload',
    showInText: 'Show in the text',
    exampleCredit: 'Example: “{title}”, actu.orange.fr, {date}, from the data set {dataset}, licence',
    exampleChanges: 'Paragraph breaks restored.',
    fileKind: '“{name}” is not a .txt, .md, .html, .pdf or .docx file.',
    fileTooLarge: '“{name}” is too large ({size} MB; the limit is 16 MB).',
    docsUnavailable: 'PDF and Word files can be read only by the built page (scripts/build-web).',
    pdfUnreadable: '“{name}” could not be read as a PDF ({error}).',
    pdfScanned: '“{name}” has no text to read: it looks like a scan or a picture. Run text recognition (OCR) on it in another app, then paste the text here.',
    docxUnreadable: '“{name}” could not be read as a Word document ({error}).',
    linkOnly: 'Only a link was shared. Précis never fetches pages from other sites: open the article, select its text, and share or paste that.',
    mb: '{n} MB',
    readS: '{n} s',
    readMin: '{n} min',
    readH: '{h} h {m} min',
  },
  fr: {
    title: 'Précis — résumé d’articles privé',
    tagline: 'Les phrases clés d’un article, choisies dans votre navigateur. Rien de ce que vous collez ne quitte cet appareil.',
    skip: 'Aller au résumé',
    articleHeading: 'Article',
    inputLabel: 'Collez, tapez ou déposez un fichier (.txt, .md, .html, .pdf, .docx)',
    inputPlaceholder: 'Collez un article ici…',
    inputHelp: 'Le résumé suit votre saisie.',
    openFile: 'Ouvrir un fichier…',
    clear: 'Effacer',
    tryExample: 'Essayer un exemple',
    keptNote: 'Votre texte est gardé dans ce navigateur seulement, pour survivre à un rechargement ; Effacer le supprime.',
    keptTooLarge: 'Ce texte est trop long pour être gardé après un rechargement ; il reste jusqu’à la fermeture de la page.',
    fulltextHeading: 'Le texte, résumé surligné',
    fulltextEmpty: 'Le texte s’affiche ici une fois collé.',
    summaryHeading: 'Résumé',
    lengthLegend: 'Longueur',
    modeSentences: 'Phrases',
    modeWords: 'Mots',
    modePercent: '% du texte',
    short: 'Court',
    medium: 'Moyen',
    long: 'Long',
    sentencesLabel: 'Nombre de phrases',
    languageLabel: 'Langue',
    detect: 'Détecter',
    detected: 'Détectée : {name}',
    detectedUnsure: 'Détectée : {name} (incertain)',
    unknownLanguage: 'inconnue',
    summaryEmpty: 'Collez un article pour voir ses phrases clés.',
    noSentence: 'Aucune phrase à choisir : le texte n’a pas encore de phrase complète.',
    working: { one: 'Résumé de {n} mot…', other: 'Résumé de {n} mots…' },
    summaryUpdated: { one: 'Résumé mis à jour : {n} phrase.', other: 'Résumé mis à jour : {n} phrases.' },
    improved: 'Résumé amélioré : le modèle de sens est prêt et a choisi à nouveau les phrases clés.',
    improvedSame: 'Le modèle de sens est prêt : il confirme les mêmes phrases clés.',
    copyText: 'Copier le texte',
    copyMarkdown: 'Copier en liste Markdown',
    copied: 'Copié.',
    copyFailed: 'La copie a échoué : sélectionnez le résumé et copiez-le à la main.',
    statWords: 'Article',
    statSummary: 'Résumé',
    statSaved: 'Temps de lecture gagné',
    statMethod: 'Choisi par',
    wordsInSentences: { one: '{n} mot en {s}', other: '{n} mots en {s}' },
    sentences: { one: '{n} phrase', other: '{n} phrases' },
    summaryWords: { one: '{n} mot ({share})', other: '{n} mots ({share})' },
    savedNone: 'aucun : le résumé est le texte entier',
    savedUnderMinute: 'moins d’une minute',
    savedAbout: 'environ {time}',
    methodLexical: 'statistiques de mots',
    methodModel: 'statistiques de mots et un modèle de sens',
    scoresSummary: 'Force avec laquelle chaque phrase a été choisie',
    scoresHelp: 'Plus la barre est longue, plus la phrase est jugée centrale ; les lignes surlignées sont dans le résumé.',
    scoresEmpty: 'Collez d’abord un article.',
    noSentences: 'Pas encore de phrases.',
    rank: 'rang {n} sur {total}',
    colSentence: 'Phrase',
    colStrength: 'Force',
    removedSummary: 'Éléments parasites retirés',
    nothingRemoved: 'Rien de retiré.',
    removedAs: 'Retiré ({reason})',
    truncated: {
      one: '{n} phrase très longue a été jugée sur son début seulement.',
      other: '{n} phrases très longues ont été jugées sur leur début seulement.',
    },
    toSummary: 'Voir le résumé ↓',
    loading: 'Chargement…',
    modelWaiting: 'Résumés par statistiques de mots. Un meilleur modèle ({size}) se télécharge après votre premier collage.',
    modelSaveData: 'Économiseur de données actif : résumés par statistiques de mots. Le meilleur modèle pèse {size}.',
    downloadModel: 'Le télécharger',
    modelDownloading: 'Amélioration des résumés : téléchargement du modèle… {percent} ({loaded} sur {total}). Statistiques de mots en attendant.',
    modelDownloadingNoSize: 'Amélioration des résumés : téléchargement du modèle… Statistiques de mots en attendant.',
    modelStarting: 'Amélioration des résumés : démarrage du modèle… Statistiques de mots en attendant.',
    modelReady: 'Résumés par statistiques de mots et un modèle de sens.',
    modelFailed: 'Le modèle n’a pas pu être chargé ; les résumés utilisent les statistiques de mots.',
    modelFailedError: 'Échec du modèle : {error}',
    modelNone: 'Résumés par statistiques de mots.',
    cannotStart: 'Précis n’a pas pu démarrer.',
    cannotStartError: 'Précis n’a pas pu démarrer : {error}',
    somethingWrong: 'Une erreur est survenue pendant le résumé.',
    offlineReady: 'Prêt à fonctionner hors ligne.',
    offlineLater: 'Fonctionne hors ligne une fois chargé.',
    multiThreaded: 'Multi-tâche.',
    updateReady: 'Une nouvelle version est prête.',
    reload: 'Recharger',
    showInText: 'Montrer dans le texte',
    exampleCredit: 'Exemple : « {title} », actu.orange.fr, {date}, tiré du jeu de données {dataset}, licence',
    exampleChanges: 'Retours à la ligne rétablis.',
    fileKind: '« {name} » n’est pas un fichier .txt, .md, .html, .pdf ou .docx.',
    fileTooLarge: '« {name} » est trop gros ({size} Mo ; la limite est de 16 Mo).',
    docsUnavailable: 'Les fichiers PDF et Word ne sont lisibles que par la page construite (scripts/build-web).',
    pdfUnreadable: '« {name} » n’a pas pu être lu comme un PDF ({error}).',
    pdfScanned: '« {name} » ne contient pas de texte à lire : c’est sans doute un scan ou une image. Passez-le dans une application de reconnaissance de texte (OCR), puis collez le texte ici.',
    docxUnreadable: '« {name} » n’a pas pu être lu comme un document Word ({error}).',
    linkOnly: 'Seul un lien a été partagé. Précis ne télécharge jamais de pages d’autres sites : ouvrez l’article, sélectionnez son texte, puis partagez-le ou collez-le.',
    mb: '{n} Mo',
    readS: '{n} s',
    readMin: '{n} min',
    readH: '{h} h {m} min',
  },
};

/** 'fr' when the browser prefers French, else 'en'. */
export function pageLanguage(languages = globalThis.navigator?.languages ?? []) {
  for (const tag of languages) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (base in MESSAGES) return base;
  }
  return 'en';
}

export const lang = pageLanguage();
const plurals = new Intl.PluralRules(lang);
const numbers = new Intl.NumberFormat(lang);

/** A number written the page language's way: "100,000" / "100 000". */
export function num(n, options) {
  return options ? new Intl.NumberFormat(lang, options).format(n) : numbers.format(n);
}

/** The message `key` with its {variables}; numbers formatted, plural chosen by `n`. */
export function t(key, vars = {}) {
  let message = MESSAGES[lang][key] ?? MESSAGES.en[key];
  if (message === undefined) throw new Error(`i18n: no message "${key}"`);
  if (typeof message === 'object') message = message[plurals.select(vars.n ?? 0)] ?? message.other;
  return message.replace(/\{(\w+)\}/g, (_, name) => {
    const value = vars[name];
    return typeof value === 'number' ? num(value) : String(value ?? '');
  });
}

/** Puts the page's static text in its language: data-i18n (text), data-i18n-placeholder, -label, -title. */
export function translatePage(root = document) {
  root.documentElement.lang = lang;
  root.title = t('title');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  // Languages of the language menu, named in the page's language ("Français" / "French").
  const names = new Intl.DisplayNames([lang], { type: 'language' });
  for (const option of root.querySelectorAll('option[data-language]')) {
    const name = names.of(option.value);
    option.textContent = name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  }
}
