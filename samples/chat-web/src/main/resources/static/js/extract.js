// The extract panel: the pasted text goes to POST /api/extract, whose answer is a Contact record as JSON; its
// fields are listed as they came. A refused, cut-off or ill-fitting answer comes back as a problem detail.
'use strict';

(() => {
	const FIELDS = [['name', 'Name'], ['email', 'Email'], ['company', 'Company'], ['intent', 'Intent'],
		['topics', 'Topics']];
	const form = document.getElementById('extract-form');
	const text = document.getElementById('extract-text');
	const button = document.getElementById('extract-button');
	const record = document.getElementById('contact');
	const error = document.getElementById('extract-error');

	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		button.disabled = true;
		record.hidden = true;
		error.hidden = true;
		try {
			const response = await fetch('api/extract', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify({ text: text.value }),
			});
			if (!response.ok) {
				throw new Error(await problem(response));
			}
			show(await response.json());
		}
		catch (failure) {
			error.textContent = failure.message;
			error.hidden = false;
		}
		finally {
			button.disabled = false;
		}
	});

	/** Lists the fields of a contact; null ones show as a dash. */
	function show(contact) {
		record.replaceChildren(...FIELDS.flatMap(([field, label]) => {
			const term = document.createElement('dt');
			term.textContent = label;
			const value = document.createElement('dd');
			value.dataset.field = field;
			const content = Array.isArray(contact[field]) ? contact[field].join(', ') : contact[field];
			value.textContent = content || '–';
			value.classList.toggle('muted', !content);
			return [term, value];
		}));
		record.hidden = false;
	}
})();
