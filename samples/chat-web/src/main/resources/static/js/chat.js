// The chat page. The conversation lives here, in the browser: each new message is sent with every turn
// before it to POST /api/chat, whose server-sent events bring the answer chunk by chunk, and the tools the
// model calls on the way, shown as badges above the answer; the whole answer is then appended to the
// conversation, ready for the next question.
'use strict';

const turns = []; // the user and assistant messages so far, as {role, content}
const conversation = document.getElementById('conversation');
const form = document.getElementById('ask');
const input = document.getElementById('message');
const send = document.getElementById('send');

form.addEventListener('submit', (event) => {
	event.preventDefault();
	const question = input.value.trim();
	if (question && !send.disabled) {
		input.value = '';
		ask(question);
	}
});

input.addEventListener('keydown', (event) => {
	if (event.key === 'Enter' && !event.shiftKey) {
		event.preventDefault();
		form.requestSubmit();
	}
});

document.getElementById('new-conversation').addEventListener('click', () => {
	turns.length = 0;
	conversation.replaceChildren();
	input.focus();
});

async function ask(question) {
	turns.push({ role: 'user', content: question });
	addBubble(conversation, 'user', question);
	const answer = addBubble(conversation, 'assistant', '');
	const bubble = answer.parentElement;
	bubble.classList.add('streaming');
	send.disabled = true;
	const started = performance.now();
	let firstChunk = null;
	let chunks = 0;
	let done = null;
	try {
		const store = document.getElementById('store').checked;
		const response = await fetch('api/chat', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
			body: JSON.stringify({
				messages: [{ role: 'system', content: document.getElementById('system').value }, ...turns],
				store,
				metadata: store ? parseTags(document.getElementById('tags').value) : null,
			}),
		});
		if (!response.ok) {
			throw new Error(await problem(response));
		}
		await readEvents(response, (name, data) => {
			if (name === 'tool') {
				showToolCall(bubble, answer, data);
			}
			else if (name === 'chunk') {
				firstChunk = firstChunk ?? performance.now() - started;
				chunks++;
				answer.textContent += data.text;
			}
			else if (name === 'done') {
				done = data;
			}
			else if (name === 'error') {
				throw new Error(data.message);
			}
		});
		if (!done) {
			throw new Error('The answer stopped before it was complete');
		}
		turns.push({ role: 'assistant', content: answer.textContent });
		const stored = done.stored ? ` · stored as ${done.id}` : '';
		const tools = done.toolCalls ? ` · ${plural(done.toolCalls, 'tool call')} in ${plural(done.rounds, 'round')}` : '';
		note(bubble, `${chunks} chunks · first token ${millis(firstChunk)} · ${millis(performance.now() - started)}`
			+ ` · ${done.totalTokens ?? '?'} tokens${tools}${stored}`);
		Status.showTimings([done.timing]);
	}
	catch (error) {
		turns.pop(); // the question stays on screen, but is not sent again
		bubble.classList.add('error');
		note(bubble, error.message);
	}
	finally {
		bubble.classList.remove('streaming');
		send.disabled = false;
		input.focus();
	}
}

/**
 * Shows a tool call above the answer's text: a badge with the tool's name as soon as it is called, completed
 * with its arguments when they have arrived ({id, name, arguments}, arguments null until then).
 */
function showToolCall(bubble, answer, call) {
	let list = bubble.querySelector('.tool-calls');
	if (!list) {
		list = document.createElement('ul');
		list.className = 'tool-calls';
		bubble.insertBefore(list, answer);
	}
	let badge = [...list.children].find((item) => item.dataset.id === call.id);
	if (!badge) {
		badge = document.createElement('li');
		badge.className = 'tool-call pending';
		badge.dataset.id = call.id;
		badge.dataset.tool = call.name;
		list.append(badge);
	}
	if (call.arguments === null) {
		badge.textContent = `${call.name}(…)`;
	}
	else {
		badge.classList.remove('pending');
		badge.textContent = `${call.name}(${formatArguments(call.arguments)})`;
		badge.title = call.arguments;
	}
}

/** {"die":"D6","count":2} to 'die: "D6", count: 2'; anything less simple as the model wrote it, cut short. */
function formatArguments(json) {
	try {
		const values = JSON.parse(json);
		const entries = Object.entries(values);
		if (entries.every(([, value]) => value === null || typeof value !== 'object')) {
			return entries.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ');
		}
	}
	catch {
		// not JSON: shown as it came
	}
	return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

function plural(count, noun) {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function note(bubble, text) {
	const line = document.createElement('div');
	line.className = 'note';
	line.textContent = text;
	bubble.append(line);
}

/** Reads a text/event-stream response, calling onEvent(name, data) with each event's JSON data. */
async function readEvents(response, onEvent) {
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) {
			return;
		}
		buffer += value;
		let end;
		while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
			const block = buffer.slice(0, end);
			buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
			let name = 'message';
			const data = [];
			for (const line of block.split(/\r?\n/)) {
				if (line.startsWith('event:')) {
					name = line.slice(6).trim();
				}
				else if (line.startsWith('data:')) {
					data.push(line.slice(5).replace(/^ /, ''));
				}
			}
			if (data.length) {
				onEvent(name, JSON.parse(data.join('\n')));
			}
		}
	}
}
