// DOM helpers of the admin console: every value is set with textContent, never as HTML.
const $ = (id) => document.getElementById(id);

export function notice(text, isError = false) {
  const el = $('notice');
  el.textContent = text;
  el.className = isError ? 'error' : '';
  el.hidden = !text;
}

export function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text === undefined || text === null ? '' : String(text);
  row.appendChild(td);
}

/** A value as DOM: objects as nested lists, arrays of objects as tables, the rest as text. */
export function render(value) {
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object')) {
    const table = document.createElement('table');
    const columns = [...new Set(value.flatMap((v) => Object.keys(v)))];
    const head = table.createTHead().insertRow();
    for (const column of columns) {
      const th = document.createElement('th');
      th.textContent = column;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const item of value) {
      const row = body.insertRow();
      for (const column of columns) {
        const v = item[column];
        cell(
          row,
          typeof v === 'boolean'
            ? v
              ? 'yes'
              : 'no'
            : typeof v === 'object' && v !== null
              ? JSON.stringify(v)
              : v,
        );
      }
    }
    return table;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const dl = document.createElement('dl');
    fields(dl, value);
    return dl;
  }
  const span = document.createElement('span');
  span.textContent = Array.isArray(value)
    ? value.join(', ')
    : typeof value === 'boolean'
      ? value
        ? 'yes'
        : 'no'
      : String(value);
  return span;
}

export function fields(target, object) {
  target.replaceChildren();
  for (const [key, value] of Object.entries(object)) {
    const dt = document.createElement('dt');
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.appendChild(render(value));
    target.append(dt, dd);
  }
}
