// The stored-completions page: lists stored completions newest first, a page at a time, optionally filtered by a
// metadata pair; opens one to read its messages, edit its metadata or delete it.
'use strict';

const rows = document.getElementById('completions');
const details = document.getElementById('details');
const cursors = [null]; // the "after" id of each page visited; the last is the page shown
let lastPage = null;
let opened = null;

document.getElementById('filter').addEventListener('submit', (event) => {
	event.preventDefault();
	cursors.length = 1;
	load();
});
document.getElementById('clear-filter').addEventListener('click', () => {
	document.getElementById('filter-key').value = '';
	document.getElementById('filter-value').value = '';
	cursors.length = 1;
	load();
});
document.getElementById('older').addEventListener('click', () => {
	cursors.push(lastPage.lastId);
	load();
});
document.getElementById('newer').addEventListener('click', () => {
	cursors.pop();
	load();
});
document.getElementById('edit').addEventListener('submit', async (event) => {
	event.preventDefault();
	const metadata = parseTags(document.getElementById('edit-metadata').value);
	await guarded(async () => {
		const completion = await api(`api/completions/${encodeURIComponent(opened)}/metadata`,
			{ method: 'PUT', body: JSON.stringify(metadata) });
		showInfo(completion);
		await load();
	});
});
document.getElementById('delete').addEventListener('click', async () => {
	await guarded(async () => {
		await api(`api/completions/${encodeURIComponent(opened)}`, { method: 'DELETE' });
		details.hidden = true;
		opened = null;
		await load();
	});
});

async function load() {
	const query = new URLSearchParams();
	if (cursors[cursors.length - 1]) {
		query.set('after', cursors[cursors.length - 1]);
	}
	const key = document.getElementById('filter-key').value.trim();
	if (key) {
		query.set('key', key);
		query.set('value', document.getElementById('filter-value').value.trim());
	}
	await guarded(async () => {
		lastPage = await api(`api/completions?${query}`);
		rows.replaceChildren(...lastPage.items.map(row));
		document.getElementById('empty').hidden = lastPage.items.length > 0;
		document.getElementById('page-number').textContent = `Page ${cursors.length}`;
		document.getElementById('newer').disabled = cursors.length === 1;
		document.getElementById('older').disabled = !lastPage.hasMore;
	});
}

function row(completion) {
	const tr = document.createElement('tr');
	tr.dataset.id = completion.id;
	tr.classList.toggle('selected', completion.id === opened);
	for (const text of [created(completion), completion.answer, formatTags(completion.metadata)]) {
		const td = document.createElement('td');
		td.textContent = text;
		tr.append(td);
	}
	tr.addEventListener('click', () => open(completion.id));
	return tr;
}

async function open(id) {
	await guarded(async () => {
		const { completion, messages } = await api(`api/completions/${encodeURIComponent(id)}`);
		opened = id;
		const list = document.getElementById('details-messages');
		list.replaceChildren();
		messages.forEach((message) => addBubble(list, message.role, message.text));
		addBubble(list, 'assistant', completion.answer).parentElement.classList.add('answer');
		document.getElementById('details-id').textContent = completion.id;
		showInfo(completion);
		details.hidden = false;
		for (const tr of rows.children) {
			tr.classList.toggle('selected', tr.dataset.id === id);
		}
	});
}

function showInfo(completion) {
	document.getElementById('details-info').textContent = `${completion.model} · ${created(completion)}`;
	document.getElementById('edit-metadata').value = formatTags(completion.metadata);
}

function created(completion) {
	return new Date(completion.created * 1000).toLocaleString();
}

/** Runs an action, showing its failure (an unknown id, a refused metadata...) instead of losing it. */
async function guarded(action) {
	const error = document.getElementById('error') || document.createElement('p');
	error.id = 'error';
	error.className = 'error-message';
	try {
		await action();
		error.remove();
	}
	catch (failure) {
		error.textContent = failure.message;
		document.querySelector('.list').prepend(error);
	}
}

load();
