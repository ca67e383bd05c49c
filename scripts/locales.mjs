// Writes public/_locales/<lang>/messages.json: English from the table in components/i18n.ts,
// the other languages from the translations below (same keys, same $1… placeholders).
// Run: `npx tsx scripts/locales.mjs` (writes), `--check` (exits 1 when a file is missing or
// stale), `--out DIR` (writes elsewhere). tsx is needed because the table is TypeScript.
// The manifest must say `default_locale: 'en'` once these files ship: Chrome refuses to load
// an extension that has _locales but no default_locale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MESSAGES, toMessagesJson } from '../components/i18n.ts';

export const TRANSLATIONS = {
  es: {
    sourceCountOne: '$1 fuente',
    sourceCountOther: '$1 fuentes',
    loading: 'Buscando fuentes…',
    noneTitle: 'No se encontró ninguna fuente para esta frase',
    noneReason: 'Ninguna página enlazada en el artículo la respalda.',
    errorTitle: 'No se pudieron comprobar las fuentes',
    errorGeneric: 'Algo salió mal al comprobar esta frase.',
    openAtQuote: 'Abrir en la cita',
    opensInNewTab: '(se abre en una pestaña nueva)',
    moreSources: '+$1 más',
    pin: 'Fijar',
    pinHint: 'Fija esta tarjeta para ver todas las fuentes',
    close: 'Cerrar',
    levelSupports: 'Respalda',
    levelPartly: 'Respalda en parte',
    levelRelated: 'Relacionada',
    levelNumbersDiffer: 'Cifras distintas',
    levelNumbersDifferHint: 'La fuente da cifras distintas a las de la frase.',
    publishedOn: 'Publicado el $1',
    copiesOne: '$1 copia similar',
    copiesOther: '$1 copias similares',
    viaInline: 'Enlazada en la frase',
    viaFootnote: 'Citada en una nota al pie',
    viaOutbound: 'Enlazada en el artículo',
    viaProvider: 'Encontrada por búsqueda',
    appName: 'Sourcelight',
    appDescription:
      'Pasa el cursor sobre una frase de una noticia para ver qué fuentes la respaldan, con la cita que lo demuestra.',
    commandNext: 'Ir a la siguiente frase con fuentes',
    commandPrevious: 'Ir a la frase anterior con fuentes',
    localeCode: 'es',
    switchEnabled: 'Mostrar fuentes',
    switchSite: 'Activado en $1',
    switchSiteNoHost: 'Activado en este sitio',
    statSentences: 'Frases encontradas',
    statSourced: 'Frases con fuente',
    statSources: 'Fuentes',
    statShare: '$1 de las frases',
    progressScanning: 'Leyendo la página…',
    progressMatching: 'Buscando fuentes: $1 de $2 frases comprobadas',
    doneSummary: 'Todas las frases comprobadas.',
    stateOffTitle: 'Sourcelight está desactivado',
    stateOffBody: 'Actívalo para ver de dónde vienen las frases de las noticias.',
    stateSiteOffTitle: 'Desactivado en este sitio',
    stateSiteOffBody: 'Actívalo en este sitio para comprobar las frases de esta página.',
    stateNotArticleTitle: 'Esta página no parece un artículo',
    stateNotArticleBody: 'Sourcelight comprueba las frases de noticias y publicaciones.',
    stateNotPermittedTitle: 'Sourcelight no puede funcionar aquí',
    stateNotPermittedBody:
      'Las extensiones no tienen acceso a las páginas del navegador ni a las tiendas de extensiones.',
    stateNoPageTitle: 'No hay ninguna página que comprobar',
    stateNoPageBody: 'Abre una noticia para ver sus fuentes.',
    stateWaitingTitle: 'Esta página aún no se ha comprobado',
    stateWaitingBody: 'Recarga la página si estaba abierta antes de activar Sourcelight.',
  },
  fr: {
    sourceCountOne: '$1 source',
    sourceCountOther: '$1 sources',
    loading: 'Recherche de sources…',
    noneTitle: 'Aucune source trouvée pour cette phrase',
    noneReason: 'Aucune page liée dans l’article ne la confirme.',
    errorTitle: 'Impossible de vérifier les sources',
    errorGeneric: 'Un problème est survenu lors de la vérification de cette phrase.',
    openAtQuote: 'Ouvrir à la citation',
    opensInNewTab: '(s’ouvre dans un nouvel onglet)',
    moreSources: '+$1 autres',
    pin: 'Épingler',
    pinHint: 'Épinglez cette fiche pour voir toutes les sources',
    close: 'Fermer',
    levelSupports: 'Confirme',
    levelPartly: 'Confirme en partie',
    levelRelated: 'En rapport',
    levelNumbersDiffer: 'Chiffres différents',
    levelNumbersDifferHint: 'La source donne d’autres chiffres que la phrase.',
    publishedOn: 'Publié le $1',
    copiesOne: '$1 copie similaire',
    copiesOther: '$1 copies similaires',
    viaInline: 'Lien dans la phrase',
    viaFootnote: 'Citée dans une note',
    viaOutbound: 'Lien dans l’article',
    viaProvider: 'Trouvée par recherche',
    appName: 'Sourcelight',
    appDescription:
      'Survolez une phrase d’un article d’actualité pour voir quelles sources la confirment, avec la citation à l’appui.',
    commandNext: 'Aller à la phrase suivante avec sources',
    commandPrevious: 'Aller à la phrase précédente avec sources',
    localeCode: 'fr',
    switchEnabled: 'Afficher les sources',
    switchSite: 'Activé sur $1',
    switchSiteNoHost: 'Activé sur ce site',
    statSentences: 'Phrases trouvées',
    statSourced: 'Phrases sourcées',
    statSources: 'Sources',
    statShare: '$1 des phrases',
    progressScanning: 'Lecture de la page…',
    progressMatching: 'Recherche des sources : $1 phrases vérifiées sur $2',
    doneSummary: 'Toutes les phrases ont été vérifiées.',
    stateOffTitle: 'Sourcelight est désactivé',
    stateOffBody: 'Activez-le pour voir d’où viennent les phrases des articles d’actualité.',
    stateSiteOffTitle: 'Désactivé sur ce site',
    stateSiteOffBody: 'Activez-le sur ce site pour vérifier les phrases de cette page.',
    stateNotArticleTitle: 'Cette page ne ressemble pas à un article',
    stateNotArticleBody: 'Sourcelight vérifie les phrases des articles d’actualité et des billets.',
    stateNotPermittedTitle: 'Sourcelight ne peut pas fonctionner ici',
    stateNotPermittedBody:
      'Les extensions n’ont pas accès aux pages du navigateur ni aux boutiques d’extensions.',
    stateNoPageTitle: 'Aucune page à vérifier',
    stateNoPageBody: 'Ouvrez un article d’actualité pour voir ses sources.',
    stateWaitingTitle: 'Cette page n’a pas encore été vérifiée',
    stateWaitingBody: 'Rechargez la page si elle était ouverte avant l’activation de Sourcelight.',
  },
  de: {
    sourceCountOne: '$1 Quelle',
    sourceCountOther: '$1 Quellen',
    loading: 'Quellen werden gesucht…',
    noneTitle: 'Keine Quelle für diesen Satz gefunden',
    noneReason: 'Keine der im Artikel verlinkten Seiten belegt ihn.',
    errorTitle: 'Quellen konnten nicht geprüft werden',
    errorGeneric: 'Beim Prüfen dieses Satzes ist ein Fehler aufgetreten.',
    openAtQuote: 'Am Zitat öffnen',
    opensInNewTab: '(öffnet in neuem Tab)',
    moreSources: '+$1 weitere',
    pin: 'Anheften',
    pinHint: 'Karte anheften, um alle Quellen zu sehen',
    close: 'Schließen',
    levelSupports: 'Belegt',
    levelPartly: 'Belegt teilweise',
    levelRelated: 'Verwandt',
    levelNumbersDiffer: 'Zahlen weichen ab',
    levelNumbersDifferHint: 'Die Quelle nennt andere Zahlen als der Satz.',
    publishedOn: 'Veröffentlicht: $1',
    copiesOne: '$1 ähnliche Kopie',
    copiesOther: '$1 ähnliche Kopien',
    viaInline: 'Im Satz verlinkt',
    viaFootnote: 'In einer Fußnote zitiert',
    viaOutbound: 'Im Artikel verlinkt',
    viaProvider: 'Über die Suche gefunden',
    appName: 'Sourcelight',
    appDescription:
      'Fahren Sie über einen Satz in einem Nachrichtenartikel, um zu sehen, welche Quellen ihn belegen – mit dem passenden Zitat.',
    commandNext: 'Zum nächsten Satz mit Quellen',
    commandPrevious: 'Zum vorherigen Satz mit Quellen',
    localeCode: 'de',
    switchEnabled: 'Quellen anzeigen',
    switchSite: 'Aktiv auf $1',
    switchSiteNoHost: 'Auf dieser Website aktiv',
    statSentences: 'Gefundene Sätze',
    statSourced: 'Sätze mit Quelle',
    statSources: 'Quellen',
    statShare: '$1 der Sätze',
    progressScanning: 'Seite wird gelesen…',
    progressMatching: 'Quellenabgleich: $1 von $2 Sätzen geprüft',
    doneSummary: 'Alle Sätze geprüft.',
    stateOffTitle: 'Sourcelight ist aus',
    stateOffBody: 'Schalten Sie es ein, um zu sehen, woher die Sätze in Nachrichten stammen.',
    stateSiteOffTitle: 'Auf dieser Website aus',
    stateSiteOffBody: 'Schalten Sie es für diese Website ein, um die Sätze dieser Seite zu prüfen.',
    stateNotArticleTitle: 'Diese Seite scheint kein Artikel zu sein',
    stateNotArticleBody: 'Sourcelight prüft die Sätze von Nachrichtenartikeln und Beiträgen.',
    stateNotPermittedTitle: 'Sourcelight kann hier nicht laufen',
    stateNotPermittedBody: 'Browserseiten und Erweiterungs-Stores sind für Erweiterungen gesperrt.',
    stateNoPageTitle: 'Keine Seite zum Prüfen',
    stateNoPageBody: 'Öffnen Sie einen Nachrichtenartikel, um seine Quellen zu sehen.',
    stateWaitingTitle: 'Diese Seite wurde noch nicht geprüft',
    stateWaitingBody:
      'Laden Sie die Seite neu, falls sie schon vor dem Einschalten von Sourcelight geöffnet war.',
  },
  pt: {
    sourceCountOne: '$1 fonte',
    sourceCountOther: '$1 fontes',
    loading: 'Procurando fontes…',
    noneTitle: 'Nenhuma fonte encontrada para esta frase',
    noneReason: 'Nenhuma das páginas citadas no artigo a confirma.',
    errorTitle: 'Não foi possível verificar as fontes',
    errorGeneric: 'Algo deu errado ao verificar esta frase.',
    openAtQuote: 'Abrir na citação',
    opensInNewTab: '(abre em uma nova aba)',
    moreSources: '+$1 outras',
    pin: 'Fixar',
    pinHint: 'Fixe este cartão para ver todas as fontes',
    close: 'Fechar',
    levelSupports: 'Confirma',
    levelPartly: 'Confirma em parte',
    levelRelated: 'Relacionada',
    levelNumbersDiffer: 'Números diferentes',
    levelNumbersDifferHint: 'A fonte traz números diferentes dos da frase.',
    publishedOn: 'Publicado em $1',
    copiesOne: '$1 cópia semelhante',
    copiesOther: '$1 cópias semelhantes',
    viaInline: 'Link na frase',
    viaFootnote: 'Citada em nota de rodapé',
    viaOutbound: 'Link no artigo',
    viaProvider: 'Encontrada por busca',
    appName: 'Sourcelight',
    appDescription:
      'Passe o cursor sobre uma frase de uma notícia para ver quais fontes a confirmam, com a citação que a sustenta.',
    commandNext: 'Ir para a próxima frase com fontes',
    commandPrevious: 'Ir para a frase anterior com fontes',
    localeCode: 'pt',
    switchEnabled: 'Mostrar fontes',
    switchSite: 'Ativado em $1',
    switchSiteNoHost: 'Ativado neste site',
    statSentences: 'Frases encontradas',
    statSourced: 'Frases com fonte',
    statSources: 'Fontes',
    statShare: '$1 das frases',
    progressScanning: 'Lendo a página…',
    progressMatching: 'Buscando fontes: $1 de $2 frases verificadas',
    doneSummary: 'Todas as frases verificadas.',
    stateOffTitle: 'O Sourcelight está desativado',
    stateOffBody: 'Ative-o para ver de onde vêm as frases das notícias.',
    stateSiteOffTitle: 'Desativado neste site',
    stateSiteOffBody: 'Ative-o neste site para verificar as frases desta página.',
    stateNotArticleTitle: 'Esta página não parece ser um artigo',
    stateNotArticleBody: 'O Sourcelight verifica as frases de notícias e publicações.',
    stateNotPermittedTitle: 'O Sourcelight não pode ser executado aqui',
    stateNotPermittedBody:
      'As extensões não têm acesso às páginas do navegador nem às lojas de extensões.',
    stateNoPageTitle: 'Nenhuma página para verificar',
    stateNoPageBody: 'Abra uma notícia para ver suas fontes.',
    stateWaitingTitle: 'Esta página ainda não foi verificada',
    stateWaitingBody: 'Recarregue a página se ela já estava aberta antes de ativar o Sourcelight.',
  },
};

/**
 * The text of every `messages.json`, by language. Throws when a translation lacks a key of the
 * English table or has one it does not.
 */
export function localeFiles() {
  const tables = { en: MESSAGES, ...TRANSLATIONS };
  const files = {};
  for (const [lang, table] of Object.entries(tables)) {
    const missing = Object.keys(MESSAGES).filter((k) => !(k in table));
    const extra = Object.keys(table).filter((k) => !(k in MESSAGES));
    if (missing.length || extra.length)
      throw new Error(
        `${lang}: missing ${missing.join(', ') || '-'}; extra ${extra.join(', ') || '-'}`,
      );
    // Keys in the English table's order, so the files diff cleanly.
    const ordered = Object.fromEntries(Object.keys(MESSAGES).map((k) => [k, table[k]]));
    files[lang] = `${JSON.stringify(toMessagesJson(ordered), null, 2)}\n`;
  }
  return files;
}

function main() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const check = process.argv.includes('--check');
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? resolve(process.argv[outAt + 1]) : join(root, 'public/_locales');
  let stale = 0;
  for (const [lang, text] of Object.entries(localeFiles())) {
    const file = join(out, lang, 'messages.json');
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      /* not written yet */
    }
    if (current === text) continue;
    stale++;
    if (check) console.error(`[locales] ${file} is out of date; run npx tsx scripts/locales.mjs`);
    else {
      mkdirSync(join(out, lang), { recursive: true });
      writeFileSync(file, text);
      console.log(`[locales] wrote ${file}`);
    }
  }
  if (check && stale) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
