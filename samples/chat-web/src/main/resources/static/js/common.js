// Shared by both pages: calls to the app's JSON API, metadata tags, conversation bubbles, and the status strip
// (the health of the app's OpenAI connection from /actuator/health, and the timings of the last OpenAI calls).
'use strict';

/** Calls the app's JSON API; throws an Error with the problem's detail when the answer is not 2xx. */
async function api(path, options = {}) {
	const response = await fetch(path, {
		...options,
		headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...options.headers },
	});
	if (!response.ok) {
		throw new Error(await problem(response));
	}
	const answer = await response.json();
	Status.showTimings(answer.timings);
	return answer.result;
}

/** The message of an error answer: a problem detail's detail, else the status. */
async function problem(response) {
	try {
		const body = await response.json();
		return body.detail || body.title || `HTTP ${response.status}`;
	}
	catch {
		return `HTTP ${response.status}`;
	}
}

/** "topic=moons, lang=en" to {topic: "moons", lang: "en"}. */
function parseTags(text) {
	const tags = {};
	for (const pair of text.split(',')) {
		const [key, ...value] = pair.split('=');
		if (key.trim()) {
			tags[key.trim()] = value.join('=').trim();
		}
	}
	return tags;
}

/** {topic: "moons"} to "topic=moons". */
function formatTags(tags) {
	return Object.entries(tags || {}).map(([key, value]) => `${key}=${value}`).join(', ');
}

/** Appends a message bubble to a conversation list; returns the element that holds its text. */
function addBubble(list, role, text) {
	const item = document.createElement('li');
	item.className = `bubble ${role}`;
	const who = document.createElement('span');
	who.className = 'role';
	who.textContent = role;
	const body = document.createElement('div');
	body.className = 'text';
	body.textContent = text;
	item.append(who, body);
	list.append(item);
	item.scrollIntoView({ block: 'end' });
	return body;
}

function millis(value) {
	return (value === null || value === undefined) ? '–' : `${Math.round(value)} ms`;
}

const Status = (() => {
	const strip = document.getElementById('status');
	const health = element('span', 'health', 'checking…');
	const endpoint = element('span', 'endpoint', '');
	const timings = element('span', 'timings', 'no OpenAI call yet');
	strip.append(health, endpoint, timings);

	function element(tag, id, text) {
		const node = document.createElement(tag);
		node.id = id;
		node.textContent = text;
		return node;
	}

	// The "openai" component when the starter contributes one, else the app's overall status.
	async function refreshHealth() {
		try {
			const response = await fetch('actuator/health', { headers: { Accept: 'application/json' } });
			const body = await response.json();
			const openai = body.components && body.components.openai;
			const status = (openai || body).status;
			health.textContent = `${openai ? 'openai' : 'app'} ${status}`;
			health.className = `pill ${status === 'UP' ? 'up' : 'down'}`;
			health.title = JSON.stringify(openai || body, null, 2);
		}
		catch (error) {
			health.textContent = 'app unreachable';
			health.className = 'pill down';
		}
	}

	async function showSettings() {
		try {
			const settings = await (await fetch('api/settings')).json();
			const where = settings.offline ? `embedded fake at ${settings.baseUrl}` : settings.baseUrl;
			endpoint.textContent = `${settings.model || 'default model'} · ${where}`;
		}
		catch (error) {
			endpoint.textContent = '';
		}
	}

	/** Shows the timings of the last OpenAI calls, as the app measured them. */
	function showTimings(calls) {
		if (!calls || !calls.length) {
			return;
		}
		timings.textContent = 'last calls: ' + calls.map((call) => {
			const parts = [`${call.call} ${millis(call.millis)}`];
			if (call.firstChunkMillis !== null) {
				parts.push(`first chunk ${millis(call.firstChunkMillis)}`);
			}
			if (call.openAiMillis !== null) {
				parts.push(`OpenAI ${millis(call.openAiMillis)}`);
			}
			return parts.join(', ');
		}).join(' · ');
		timings.title = calls.map((call) => `${call.call}: ${call.requestId || 'no request id'}`).join('\n');
	}

	refreshHealth();
	showSettings();
	setInterval(refreshHealth, 15000);
	return { showTimings };
})();
