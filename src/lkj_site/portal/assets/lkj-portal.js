// The portal's tables (portal/pages.py): sorted by a click on a column's title, filtered by the
// words typed above them. Without JavaScript they are whole and in the regency's order; this only
// adds to them. Cells are read as text (Indonesian figures: 1.234.567 and 98,50), never as HTML.

function valueOf(cell) {
  const text = cell.textContent.trim();
  const figure = text.replace(/\./g, "").replace(",", ".").match(/^-?\d+(\.\d+)?/);
  return figure ? { number: parseFloat(figure[0]), text } : { number: null, text };
}

function compare(a, b) {
  if (a.number !== null && b.number !== null) return a.number - b.number;
  if (a.number !== null) return -1;
  if (b.number !== null) return 1;
  return a.text.localeCompare(b.text, "id");
}

function sortable(table) {
  const headers = Array.from(table.tHead ? table.tHead.rows[0].cells : []);
  const body = table.tBodies[0];
  if (!body) return;
  const original = Array.from(body.rows);
  headers.forEach((header, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "lkj-urut__tombol";
    button.append(...header.childNodes);
    button.title = "Urutkan menurut kolom ini";
    header.append(button);
    button.addEventListener("click", () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const rows = original.slice().sort((x, y) => {
        const order = compare(valueOf(x.cells[column]), valueOf(y.cells[column]));
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}

function filterable(input) {
  const wrapper = document.getElementById(input.dataset.lkjSaringTabel);
  const table = wrapper && wrapper.querySelector("table");
  if (!table || !table.tBodies[0]) return;
  const rows = Array.from(table.tBodies[0].rows);
  const status = document.createElement("span");
  status.className = "lkj-saring__status";
  status.setAttribute("role", "status");
  input.after(status);
  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      row.hidden = !words.every((word) => text.includes(word));
      if (!row.hidden) shown += 1;
    }
    status.textContent = words.length ? `${shown} dari ${rows.length} baris` : "";
  });
  input.closest(".lkj-saring").hidden = false;
}

document.querySelectorAll(".lkj-urut table").forEach(sortable);
document.querySelectorAll("input[data-lkj-saring-tabel]").forEach(filterable);
