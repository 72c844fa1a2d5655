// The report's search page (theme/cari.html) on Pagefind's index (lkj_site/search.py), and the
// regency portal's (portal/theme/cari.html), whose index knows each page's office and year: there
// the results say them, and two lists narrow the search to one office or one year.
//
// Pagefind stems Indonesian words with the Snowball stemmer, which has no dictionary: it turns
// "penempatan" into "empat" but "ditempatkan" into "tempat". So a word is also searched in the
// forms that stemmer makes of its prefixed words (tempat: also "empat", kept only where the
// page's word starts with pe-/me-), and the results are merged. Results and excerpts are built
// as text: nothing from the index is ever inserted as HTML.
const VOWELS = "aiueo";
const ROOTS = [["t", ["pen", "men"]], ["p", ["pem", "mem"]], ["k", ["peng", "meng"]]];
const PREFIXED = /^(pe|me)(n|m|ng)/i;

function otherForms(query) {
  const word = query.trim().toLowerCase();
  if (!/^[a-z]+$/.test(word)) return [];
  const forms = [];
  for (const [initial, prefixes] of ROOTS) {
    if (word.startsWith(initial) && VOWELS.includes(word[1])) forms.push({ term: word.slice(1), prefixedOnly: true });
    for (const prefix of prefixes) {
      if (word.startsWith(prefix) && VOWELS.includes(word[prefix.length])) {
        forms.push({ term: initial + word.slice(prefix.length), prefixedOnly: false });
      }
    }
  }
  return forms;
}

function marked(excerpt) {
  return Array.from(new DOMParser().parseFromString(excerpt, "text/html").querySelectorAll("mark"), (m) => m.textContent);
}

function excerptNode(excerpt) {
  // The excerpt's <mark> elements become <mark>; everything else becomes text.
  const paragraph = document.createElement("p");
  for (const node of new DOMParser().parseFromString(excerpt, "text/html").body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(document.createTextNode(node.textContent));
    }
  }
  return paragraph;
}

async function find(pagefind, query, filters) {
  const searches = [{ term: query, prefixedOnly: false }, ...otherForms(query)];
  const pages = new Map();
  for (const { term, prefixedOnly } of searches) {
    const found = await pagefind.search(term, { filters });
    for (const result of found ? found.results : []) {
      const data = await result.data();
      if (prefixedOnly && !marked(data.excerpt).some((word) => PREFIXED.test(word))) continue;
      const known = pages.get(data.url);
      if (!known || known.score < result.score) pages.set(data.url, { score: result.score, data });
    }
  }
  return Array.from(pages.values()).sort((a, b) => b.score - a.score).map((page) => page.data);
}

function show(list, status, query, pages, root) {
  list.replaceChildren();
  status.textContent = pages.length
    ? `Ditemukan ${pages.length} halaman untuk “${query}”.`
    : `Tidak ada halaman yang memuat “${query}”.`;
  for (const page of pages) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = root + page.url.replace(/^\//, "");
    link.textContent = page.meta.title || page.url;
    item.append(link);
    if (page.meta.kantor) {
      const where = document.createElement("p");
      where.className = "lkj-cari__asal";
      where.textContent = [page.meta.kantor, page.meta.tahun && `LKj Tahun ${page.meta.tahun}`].filter(Boolean).join(" · ");
      item.append(where);
    }
    item.append(excerptNode(page.excerpt));
    const sections = (page.sub_results || []).filter((sub) => sub.url !== page.url).slice(0, 3);
    if (sections.length) {
      const more = document.createElement("ul");
      for (const sub of sections) {
        const entry = document.createElement("li");
        const subLink = document.createElement("a");
        subLink.href = root + sub.url.replace(/^\//, "");
        subLink.textContent = sub.title;
        entry.append(subLink);
        more.append(entry);
      }
      item.append(more);
    }
    list.append(item);
  }
}

async function main() {
  const form = document.getElementById("lkj-cari-form");
  const input = document.getElementById("lkj-cari-kata");
  const status = document.getElementById("lkj-cari-status");
  const list = document.getElementById("lkj-cari-hasil");
  const root = new URL(".", window.location.href).pathname; // the site's root: links work in a sub-folder
  const pagefind = await import(root + "pagefind/pagefind.js");
  await pagefind.options({ excerptLength: 24 });
  const merged = (form.dataset.lkjIndeks || "").split(" ").filter(Boolean); // the portal's other indexes
  await Promise.all(merged.map((folder) => pagefind.mergeIndex(root + folder + "/")));
  const choices = Array.from(document.querySelectorAll("select[data-lkj-saring]"));
  const params = new URLSearchParams(window.location.search);
  if (choices.length) {
    const known = await pagefind.filters();
    for (const select of choices) {
      const name = select.dataset.lkjSaring;
      for (const value of Object.keys(known[name] || {}).sort()) select.append(new Option(value, value));
      select.value = params.get(name) || "";
    }
  }
  let latest = 0;
  async function run(query) {
    const mine = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = "Mencari…";
    const filters = Object.fromEntries(choices.filter((s) => s.value).map((s) => [s.dataset.lkjSaring, s.value]));
    const pages = await find(pagefind, query.trim(), filters);
    if (mine === latest) show(list, status, query.trim(), pages, root);
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    for (const select of choices) url.searchParams.set(select.dataset.lkjSaring, select.value);
    window.history.replaceState(null, "", url);
    run(input.value);
  });
  const query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  form.hidden = false;
  await run(query);
}

main();
