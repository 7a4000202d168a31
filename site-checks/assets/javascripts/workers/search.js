/* The site's search worker, in place of Material's lunr worker; Material's search UI
   (box, result list, keyboard, counts) stays and talks to it with Material's messages.

   The analysis is done at build time (guidekit/search.py): `config.guidekit` of the
   language's search_index.json maps every word form of its pages to base forms or
   stems, and everyday words to the words the guides use. Here a query word is looked
   up there; a word the pages never use falls back to prefix, ending and typo matching
   (one edit for 4–7 letters, two from 8). Words shorter than `short_word` match only
   exactly, so "of" or "med" do not match every word that starts with them.

   Ranking (rankPages): pages as wholes, a guide's title, task, keywords and file name
   first, then headings, then text, with an idf over pages, so the boilerplate every guide
   has ("Jos tämä ei onnistu") hardly counts; the title with the word as typed first; a
   page that lists a family of guides stands for them, a page that only mentions a guide's
   subject ranks below it. A page's sections are ordered by their own weights. Loads nothing. */
"use strict";

// Material 9's message types (integrations/search/worker/message).
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;
const MATCH = { exact: 1, rule: 0.9, part: 0.5, synonym: 0.85, prefix: 0.75, ending: 0.7, typo1: 0.6, typo2: 0.45, split: 0.6 };
const MAX_FUZZY = 24;      // fuzzy candidates kept per query word
const MIN_SHARE = 0.08;    // results scoring below this share of the best are noise
const HIGHLIGHTED = 10;    // result pages whose texts get <mark> (Material shows 10 first)
const TITLE_FORM = 0.2;    // a title with the word as typed scores this much more
const HUB = 1.02;          // a page listing several matching pages scores this over their best
const MENTION = 0.9;       // a page listing a matching page, without the word in its title: at most this of it

let search = null;

function words(text) {
  return (text.normalize("NFC").toLowerCase().match(WORD) || [])
    .map(w => w.replace(/^[.'’\-]+|[.'’\-]+$/g, ""))
    .filter(Boolean);
}

function commonPrefix(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

// Optimal string alignment distance (a swap of two letters is one edit), or max+1.
// Three reused rows: this runs for every word of the language when a query word is unknown.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(b.length + 1));
  let [prev2, prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2] + 1 < d)
        d = prev2[j - 2] + 1;
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length];
}

function allowedEdits(word) {
  const n = [...word].length;
  return n >= 8 ? 2 : n >= 4 ? 1 : 0;
}

class Search {
  constructor({ config, docs }) {
    const g = config.guidekit;
    this.docs = docs;
    this.terms = g.terms;
    this.shortWord = g.short_word || 3;
    this.stopwords = new Set(g.stopwords);
    this.synonyms = new Map(Object.entries(g.synonyms));
    this.phrases = [...this.synonyms.keys()].filter(k => k.includes(" "))
      .map(k => k.split(" ")).sort((a, b) => b.length - a.length);
    // Every word a query may match: each term is its own form; forms add base forms.
    // A form's ids: a term, or -(id + 1) for a compound part (weighed less).
    this.vocab = new Map(this.terms.map((t, i) => [t, [i]]));
    for (const [form, ids] of Object.entries(g.forms)) this.vocab.set(form, ids);
    this.fuzzyKeys = [...new Set([...this.vocab.keys(), ...this.synonyms.keys()])]
      .filter(k => !k.includes(" "));
    // Postings: term → Map(doc → weight); idf by how many documents have the term.
    this.postings = g.postings.map(flat => {
      const map = new Map();
      for (let i = 0; i < flat.length; i += 2) map.set(flat[i], flat[i + 1] / 10);
      return map;
    });
    const n = docs.length;
    this.idf = this.postings.map(p => Math.log(1 + n / p.size));
    const pageOf = new Map();
    docs.forEach((d, i) => { if (!d.location.includes("#")) pageOf.set(d.location, i); });
    this.page = docs.map((d, i) => pageOf.get(d.location.split("#")[0]) ?? i);
    // Pages as a whole rank the results: term → Map(page → weight), with an idf over pages
    // (BM25's): a word that every page has, as in the section "Jos tämä ei onnistu" of every
    // guide, then hardly counts, however often it is typed.
    this.pagePostings = (g.pages || g.postings).map(flat => {
      const map = new Map();
      for (let i = 0; i < flat.length; i += 2) map.set(flat[i], flat[i + 1] / 10);
      return map;
    });
    const pages = pageOf.size;
    this.pageIdf = this.pagePostings.map(p => Math.log(1 + (pages - p.size + 0.5) / (p.size + 0.5)));
    // Each page's title: its words as written and its own terms (not compound parts).
    this.titleWords = new Map();
    this.titleTerms = new Map();
    for (const page of pageOf.values()) {
      const titleWords = words(docs[page].title.replace(/<[^>]*>/g, ""));
      // A file name in the page's language is a title too: "ohjeet/sovellus/" for "sovellus".
      const slug = g.slugs ? docs[page].location.replace(/\/$/, "").split("/").pop().split("-") : [];
      this.titleWords.set(page, new Set([...titleWords, ...slug]));
      this.titleTerms.set(page, new Set(titleWords.flatMap(w => (this.vocab.get(w) || []).filter(id => id >= 0))));
    }
    this.endings = g.endings || [];
    this.links = new Map(Object.entries(g.links || {}).map(([page, listed]) => [Number(page), listed]));
  }

  // The terms one query word stands for: Map(term id → how well it matches).
  expand(word) {
    const found = new Map();
    found.forms = new Map();  // the words of the pages it matched as written → how well
    found.parts = new Set();  // terms it matched only as parts of compounds
    const add = (ids, weight) => {
      for (let id of ids || []) {
        let w = weight;
        const part = id < 0;
        if (part) { id = -id - 1; w *= MATCH.part; }
        if ((found.get(id) || 0) < w) {
          found.set(id, w);
          if (part) found.parts.add(id); else found.parts.delete(id);
        }
      }
    };
    const exact = this.vocab.get(word);
    const synonym = this.synonyms.get(word);
    add(exact, MATCH.exact);
    add(synonym, MATCH.synonym);
    if (exact) found.forms.set(word, MATCH.exact);
    if (word.length < this.shortWord || this.stopwords.has(word)) return found;
    const edits = allowedEdits(word);
    // A word the pages never use, with an ending the pages' words have: its term ("tids-
    // bokningen" → tidsbokning, "valtuutuksen" → valtuutus), by the rules learned from them.
    // Typo corrections still compete with it ("chaten" is chatten more than chat).
    if (!exact && !synonym)
      for (const [key, weight] of this.unending(word)) { add(this.vocab.get(key), weight); found.forms.set(key, weight); }
    const known = !!(exact || synonym);
    const fuzzy = [];
    for (const key of this.fuzzyKeys) {
      if (key === word) continue;
      let weight = 0;
      if (key.startsWith(word)) {
        // A known word also finds longer words it starts, but well below itself.
        weight = known ? MATCH.prefix * 0.4 : MATCH.prefix;
      } else if (!known) {
        const common = commonPrefix(word, key);
        // Another ending of the same word: "ajanvaraukset" ~ "ajanvarauksen",
        // "valtuutuksen" ~ "valtuuttaa", "chatting" ~ "chat": the longer the word, the
        // more its ending may vary, but at least half of it is shared.
        const longest = Math.max(word.length, key.length);
        if (common >= 4 && common >= Math.min(longest - 3, Math.ceil(longest / 2)))
          weight = MATCH.ending * common / longest;
        if (edits && Math.abs(key.length - word.length) <= edits) {
          const distance = editDistance(word, key, edits);
          if (distance <= edits) weight = Math.max(weight, distance === 1 ? MATCH.typo1 : MATCH.typo2);
        }
      }
      if (weight) fuzzy.push([key, weight]);
    }
    fuzzy.sort((a, b) => b[1] - a[1]);
    for (const [key, weight] of fuzzy.slice(0, MAX_FUZZY)) {
      add(this.vocab.get(key), weight);
      if (this.vocab.has(key) && !found.forms.has(key)) found.forms.set(key, weight);
      add(this.synonyms.get(key), weight * MATCH.synonym);
    }
    // An unknown compound of two known words: "hammaslääkäriaika", "tidsbokningar".
    if (!found.size) {
      const split = this.split(word);
      for (const piece of split) add(this.vocab.get(piece) || this.synonyms.get(piece), MATCH.split);
    }
    return found;
  }

  // [[a word of the pages, weight]] that the word is with another ending (this.endings):
  // those of its longest ending that has any, the most used rule first.
  unending(word) {
    const found = [];
    let length = 0;
    for (const [ending, replacement] of this.endings) {
      if (length && ending.length < length) break;
      if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
      const key = word.slice(0, word.length - ending.length) + replacement;
      if (key !== word && this.vocab.has(key)) {
        length = ending.length;
        if (!found.some(([k]) => k === key)) found.push([key, found.length ? MATCH.ending : MATCH.rule]);
      }
    }
    return found;
  }

  // Two words of the language that make up the word (with Swedish's linking -s-), or [].
  split(word) {
    for (let cut = word.length - 4; cut >= 3; cut--) {
      const head = word.slice(0, cut), tail = word.slice(cut);
      if (!this.vocab.has(head) && !this.synonyms.has(head)) continue;
      for (const rest of [tail, tail.startsWith("s") ? tail.slice(1) : null]) {
        if (rest && rest.length >= 3 && (this.vocab.has(rest) || this.synonyms.has(rest))) return [head, rest];
      }
    }
    return [];
  }

  // Query words → concepts: a synonym phrase ("power of attorney") is one concept.
  concepts(query) {
    let list = words(query);
    const concepts = [];
    for (const phrase of this.phrases) {
      for (let i = 0; i + phrase.length <= list.length; i++) {
        if (phrase.every((w, j) => list[i + j] === w)) {
          const label = phrase.join(" ");
          const terms = new Map(this.synonyms.get(label).map(id => [id, MATCH.synonym]));
          terms.forms = new Map();
          terms.parts = new Set();
          // The phrase's own words still count as written ("lapsen puolesta" is also about
          // a child), but not their other meanings: "phone number" is no "phone" → app.
          for (const w of phrase) {
            if (this.stopwords.has(w)) continue;
            for (let id of this.vocab.get(w) || []) {
              const weight = id < 0 ? MATCH.part : MATCH.exact;
              if (id < 0) { id = -id - 1; if (!terms.has(id)) terms.parts.add(id); }
              else terms.parts.delete(id);
              if ((terms.get(id) || 0) < weight) terms.set(id, weight);
            }
            if (this.vocab.has(w)) terms.forms.set(w, MATCH.exact);
          }
          concepts.push({ label, terms });
          list = [...list.slice(0, i), ...list.slice(i + phrase.length)];
          i--;
        }
      }
    }
    const meaningful = list.filter(w => !this.stopwords.has(w));
    for (const word of (meaningful.length || concepts.length ? meaningful : list))
      concepts.push({ label: word, terms: this.expand(word) });
    return concepts;
  }

  search(query) {
    const concepts = this.concepts(query);
    if (!concepts.length) return { items: [] };
    const scores = new Map(), hits = new Map(), matched = new Set();
    concepts.forEach((concept, c) => {
      // One idf per concept, that of its best-matching terms: a rare typo neighbour or a
      // rare synonym target must not outscore the word itself.
      let top = 0, idf = Infinity;
      for (const [id, weight] of concept.terms) {
        if (weight > top) { top = weight; idf = this.idf[id]; }
        else if (weight === top) idf = Math.min(idf, this.idf[id]);
      }
      const best = new Map(), more = new Map();
      for (const [id, weight] of concept.terms) {
        const factor = weight * Math.min(idf, this.idf[id]);
        for (const [doc, w] of this.postings[id]) {
          const value = factor * w;
          const old = best.get(doc) || 0;
          if (old < value) { best.set(doc, value); more.set(doc, (more.get(doc) || 0) + old); }
          else more.set(doc, (more.get(doc) || 0) + value);
        }
      }
      // A document with several of the concept's terms (valtuus and valtuuttaa) a little higher.
      for (const [doc, value] of more) best.set(doc, best.get(doc) + 0.1 * value);
      for (const [doc, value] of best) {
        scores.set(doc, (scores.get(doc) || 0) + value);
        if (!hits.has(doc)) hits.set(doc, new Set());
        hits.get(doc).add(c);
      }
      for (const id of concept.terms.keys()) matched.add(id);
    });
    // Documents that match every word first (this orders a page's sections).
    for (const [doc, score] of scores) {
      const share = hits.get(doc).size / concepts.length;
      scores.set(doc, score * share * share);
    }
    // The pages, ranked as wholes (rankPages); each with its sections that matched.
    const groups = new Map();
    for (const [page, score] of this.rankPages(concepts)) groups.set(page, { docs: [], score });
    for (const doc of scores.keys()) {
      const group = groups.get(this.page[doc]);
      if (group) group.docs.push(doc);
    }
    const ranked = [...groups.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]);
    const top = ranked.length ? ranked[0][1].score : 0;
    const items = ranked.filter(([, g]) => g.score >= top * MIN_SHARE).map(([page, group], rank) => {
      const docs = group.docs.includes(page) ? group.docs : [...group.docs, page];
      return docs
        .sort((a, b) => (scores.get(b) || 0) - (scores.get(a) || 0))
        .map(doc => this.item(doc, scores.get(doc) || 0, concepts, hits.get(doc), rank < HIGHLIGHTED ? matched : null));
    });
    return { items, suggest: this.suggest(query, ranked), query };
  }

  // Page → score. Per query word (concept), a page scores by its weight for the best of the
  // word's terms (the page as a whole, see guidekit/search.py), times how well the word
  // matched and the word's idf over pages. Then:
  // - a title that has the word as it was typed (or as its typo was corrected) counts more
  //   than one with another form of it: "sovellus" is the app guide, "sovelluksessa" (in
  //   the app) another guide's;
  // - pages that list others (links): see listing();
  // - pages that match every word come first (the share of words matched, squared).
  rankPages(concepts) {
    const perConcept = concepts.map(concept => this.conceptScores(concept));
    const totals = () => {
      const pages = new Map();
      perConcept.forEach(best => {
        for (const [page, value] of best) {
          const entry = pages.get(page) || { score: 0, hits: 0 };
          entry.score += value;
          entry.hits += 1;
          pages.set(page, entry);
        }
      });
      const result = new Map();
      for (const [page, { score, hits }] of pages) {
        const share = hits / concepts.length;
        result.set(page, score * share * share);
      }
      return result;
    };
    this.listing(concepts, perConcept, totals());
    return totals();
  }

  conceptScores(concept) {
    let top = 0, idf = Infinity;
    for (const [id, weight] of concept.terms) {
      if (weight > top) { top = weight; idf = this.pageIdf[id]; }
      else if (weight === top) idf = Math.min(idf, this.pageIdf[id]);
    }
    // One idf for all of the word's terms, that of its best match: how specific the word
    // is. Its synonyms and corrections then rank by how well they match and where the page
    // has them, not by how rare they are. A page with several of the best terms
    // (valtuus and valtuuttaa) a little higher.
    const best = new Map(), more = new Map();
    for (const [id, weight] of concept.terms) {
      const factor = weight * idf;
      for (const [page, w] of this.pagePostings[id]) {
        const value = factor * w;
        const old = best.get(page) || 0;
        const extra = weight === top ? Math.min(old, value) : 0;
        if (old < value) best.set(page, value);
        more.set(page, (more.get(page) || 0) + extra);
      }
    }
    for (const [page, value] of more) best.set(page, best.get(page) + 0.1 * value);
    const forms = concept.terms.forms || new Map();
    for (const [page, value] of best) {
      let bonus = 0;
      for (const [form, weight] of forms) if (this.titleWords.get(page)?.has(form)) bonus = Math.max(bonus, weight / top);
      if (bonus) best.set(page, value * (1 + TITLE_FORM * bonus));
    }
    return best;
  }

  // Whether a page's title has the concept: "any" of its terms, also as a part of a
  // compound the word stands for ("tid" of "tidsbokningen"); "own": a term of its own, not
  // a part; "strong": a term of its own that matches at least half as well as its best
  // (not a longer word it only begins, as "app" begins "appointment").
  inTitle(concept, page, level) {
    const title = this.titleTerms.get(page);
    if (!title) return false;
    const top = Math.max(...concept.terms.values());
    for (const [id, weight] of concept.terms) {
      if (!title.has(id)) continue;
      if (level === "any") return true;
      if (concept.terms.parts?.has(id)) continue;
      if (level === "own" || weight >= top / 2) return true;
    }
    return false;
  }

  // Pages that list others (their links), per concept:
  // - a page without the word in its title only mentions what a page it lists is about
  //   (the front page's "tidsbokning" is the booking guide's): it scores below that page;
  // - a page with the word in its title that lists several pages with it in theirs stands
  //   for them (the mandate guides' page for "valtuudet"): it scores a little over the one
  //   of them that ranks first for the whole query, so that a query that picks one of them
  //   ("peru valtuus") still finds that one first.
  listing(concepts, perConcept, totals) {
    concepts.forEach((concept, c) => {
      const best = perConcept[c], scored = new Map(best);
      for (const [page, listed] of this.links) {
        if (!scored.has(page)) continue;
        if (!this.inTitle(concept, page, "own")) {
          const about = listed.filter(other => scored.has(other) && this.inTitle(concept, other, "any"));
          if (!about.length) continue;
          const most = Math.max(...about.map(other => scored.get(other)));
          if (scored.get(page) > most * MENTION) best.set(page, most * MENTION);
          continue;
        }
        // A family: most of what the page lists (the front page, listing every guide, is
        // no page of the guides that have "asia" in their titles).
        if (!this.inTitle(concept, page, "strong")) continue;
        const family = listed.filter(other => scored.has(other) && this.inTitle(concept, other, "strong"));
        if (family.length < 2 || family.length * 2 < listed.length) continue;
        const first = family.reduce((a, b) => ((totals.get(b) || 0) > (totals.get(a) || 0) ? b : a));
        if (scored.get(first) * HUB > scored.get(page)) best.set(page, scored.get(first) * HUB);
      }
    });
  }

  item(doc, score, concepts, hit, matched) {
    const source = this.docs[doc];
    const terms = {};
    concepts.forEach((concept, c) => { terms[concept.label] = !!(hit && hit.has(c)); });
    return {
      ...source,
      title: matched ? this.highlight(source.title, matched) : source.title,
      text: matched ? this.highlight(source.text || "", matched) : source.text || "",
      score,
      terms
    };
  }

  // <mark> the words of an HTML text whose terms the query matched; tags stay as they are.
  highlight(html, matched) {
    return html.split(/(<[^>]*>)/).map(part => part.startsWith("<") ? part : part.replace(WORD, word => {
      const ids = this.vocab.get(word.toLowerCase());
      return ids && ids.some(id => matched.has(id < 0 ? -id - 1 : id)) ? `<mark>${word}</mark>` : word;
    })).join("");
  }

  // Material completes the last word in the box from the best result's title.
  suggest(query, ranked) {
    const typed = words(query);
    const last = typed[typed.length - 1];
    if (!ranked.length || !last || last.length < this.shortWord) return [];
    const title = words(this.docs[ranked[0][0]].title.replace(/<[^>]*>/g, ""));
    const completion = title.find(w => w.startsWith(last) && w !== last);
    return completion ? [...typed.slice(0, -1), completion] : [];
  }
}

addEventListener("message", ev => {
  const message = ev.data;
  if (message.type === SETUP) {
    search = new Search(message.data);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    let data;
    try {
      data = search ? search.search(message.data) : { items: [] };
    } catch (error) {
      console.warn("search failed", error);
      data = { items: [] };
    }
    data.query = message.data;
    postMessage({ type: RESULT, data });
  }
});
