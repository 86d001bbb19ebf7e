package io.github.openaistarter.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of the benchmark's conversation, shared by the stand-in server (answers) and the clients (the
 * request): a realistic {@code chat.completion} of about 2 KB, pretty-printed as OpenAI sends it; a page of
 * stored completions; the events of a streamed answer; and the request every client sends.
 */
public final class Payloads {

	/** The model every request names. */
	public static final String MODEL = "gpt-4o-mini";

	/** The system prompt of the conversation. */
	public static final String SYSTEM = "You are a concise assistant for a travel company. Answer in at most three"
			+ " short paragraphs, quote prices in euros and never invent a booking reference.";

	/** The conversation before the question: a user turn and the assistant's answer. */
	public static final String FIRST_QUESTION = "Which months are best for a walking holiday in the Scottish Highlands?";

	/** The assistant's earlier answer. */
	public static final String FIRST_ANSWER = "May, June and September: long days, fewer midges than in high summer,"
			+ " and the hills are quieter than in July and August.";

	/** The question the request asks. */
	public static final String QUESTION = "What should I pack for a week on the West Highland Way in early June?";

	/** Token limit the request sets. */
	public static final int MAX_COMPLETION_TOKENS = 512;

	/** Sampling temperature the request sets. */
	public static final double TEMPERATURE = 0.3;

	/** The answer's text: about 1.3 KB with paragraphs, quotes and a non-ASCII character, as JSON escapes go. */
	public static final String ANSWER = "For a week on the West Highland Way in early June, pack for four seasons in"
			+ " a day.\n\nClothing: a waterproof jacket and overtrousers (a proper \"shell\", not a showerproof),"
			+ " two quick-dry walking tops, a warm fleece or light down jacket for the evenings, walking trousers"
			+ " rather than jeans, and three or four pairs of merino socks. Broken-in boots matter more than"
			+ " anything else on the 154 km from Milngavie to Fort William.\n\nKit: a 30 to 35 litre rucksack with a"
			+ " liner, a midge head net and repellent (Smidge works well), sun cream, a 1.5 litre water bottle or"
			+ " bladder, a small first-aid kit with blister plasters, a head torch, and the Harvey map or the"
			+ " official guide. If you use a baggage-transfer service (about 55 \u20ac per bag for the whole route)"
			+ " you only carry a day pack.\n\nFood and money: cash for the remote stretches between Inversnaid and"
			+ " Tyndrum, where cards are not always taken, and snacks for the long day over Rannoch Moor. Book"
			+ " accommodation early: June is popular and the small villages fill up months ahead.";

	/** A plain {@code chat.completion}, pretty-printed as OpenAI sends non-streamed answers. */
	public static final byte[] COMPLETION = completion("chatcmpl-C3rqEwbFJ7eDjyGzZT0fYlUNLiTd8", ANSWER, true)
		.getBytes(StandardCharsets.UTF_8);

	/** The items of {@link #STRUCTURED_COMPLETION}'s packing list. */
	public static final int PACKING_LIST_ITEMS = 12;

	/** A {@code chat.completion} whose content is a {@link PackingList}'s JSON, as for a structured output. */
	public static final byte[] STRUCTURED_COMPLETION = completion("chatcmpl-C3rqEwbFJ7eDjyGzZT0fYlUNLiTd9",
			PackingList.json(PACKING_LIST_ITEMS), true)
		.getBytes(StandardCharsets.UTF_8);

	/** Stored completions in one page of {@code GET /chat/completions}. */
	public static final int PAGE_SIZE = 20;

	/** A page of {@value #PAGE_SIZE} stored completions, with more to come. */
	public static final byte[] LIST_PAGE = listPage().getBytes(StandardCharsets.UTF_8);

	/** The request body every client sends (for the floor: these exact bytes). */
	public static final byte[] REQUEST = request(false).getBytes(StandardCharsets.UTF_8);

	/** The request body of a streamed answer, with usage asked for. */
	public static final byte[] STREAM_REQUEST = request(true).getBytes(StandardCharsets.UTF_8);

	private static final String CHUNK_ID = "chatcmpl-C3rqFrx2XkqnVcu5PZTEwUJx2sZLm";

	private Payloads() {
	}

	private static String completion(String id, String content, boolean pretty) {
		String json = """
				{
				  "id": "%s",
				  "object": "chat.completion",
				  "created": 1755008194,
				  "model": "gpt-4o-mini-2024-07-18",
				  "choices": [
				    {
				      "index": 0,
				      "message": {
				        "role": "assistant",
				        "content": "%s",
				        "refusal": null,
				        "annotations": []
				      },
				      "logprobs": null,
				      "finish_reason": "stop"
				    }
				  ],
				  "usage": {
				    "prompt_tokens": 98,
				    "completion_tokens": 287,
				    "total_tokens": 385,
				    "prompt_tokens_details": {
				      "cached_tokens": 0,
				      "audio_tokens": 0
				    },
				    "completion_tokens_details": {
				      "reasoning_tokens": 0,
				      "audio_tokens": 0,
				      "accepted_prediction_tokens": 0,
				      "rejected_prediction_tokens": 0
				    }
				  },
				  "service_tier": "default",
				  "system_fingerprint": "fp_560af6e559"
				}
				""".formatted(id, escape(content));
		return pretty ? json : json.replaceAll("\n\\s*", "").replace("\": ", "\":");
	}

	private static String listPage() {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < PAGE_SIZE; i++) {
			String item = completion("chatcmpl-stored" + String.format("%04d", i), ANSWER, false);
			// stored completions carry their metadata
			item = item.substring(0, item.length() - 1) + ",\"metadata\":{\"topic\":\"travel\",\"user\":\"u-" + i
					+ "\"}}";
			items.add(item);
		}
		return "{\"object\":\"list\",\"data\":[" + String.join(",", items)
				+ "],\"first_id\":\"chatcmpl-stored0000\",\"last_id\":\"chatcmpl-stored"
				+ String.format("%04d", PAGE_SIZE - 1) + "\",\"has_more\":true}";
	}

	private static String request(boolean stream) {
		return "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"system\",\"content\":\"" + escape(SYSTEM)
				+ "\"},{\"role\":\"user\",\"content\":\"" + escape(FIRST_QUESTION)
				+ "\"},{\"role\":\"assistant\",\"content\":\"" + escape(FIRST_ANSWER)
				+ "\"},{\"role\":\"user\",\"content\":\"" + escape(QUESTION) + "\"}],\"temperature\":" + TEMPERATURE
				+ ",\"max_completion_tokens\":" + MAX_COMPLETION_TOKENS
				+ (stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "") + "}";
	}

	/**
	 * The words of the streamed answer, one per content chunk, cycling through {@link #ANSWER}.
	 * @param index the chunk's index among the content chunks
	 * @return the text the chunk adds
	 */
	static String word(int index) {
		String[] words = ANSWER.split("(?<= )");
		return words[index % words.length];
	}

	/**
	 * The {@code data:} events of a streamed answer with {@code contentChunks} content chunks: a first chunk with
	 * the role, the content chunks, a chunk with the finish reason, a usage chunk, then {@code [DONE]}.
	 * @param contentChunks the number of content chunks
	 * @return each event's bytes, {@code data: ...\n\n} included
	 */
	public static List<byte[]> streamEvents(int contentChunks) {
		List<String> events = new ArrayList<>();
		events.add(chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null", "null"));
		for (int i = 0; i < contentChunks; i++) {
			events.add(chunk("{\"content\":\"" + escape(word(i)) + "\"}", "null", "null"));
		}
		events.add(chunk("{}", "\"stop\"", "null"));
		events.add("{\"id\":\"" + CHUNK_ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
				+ ",\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":"
				+ "\"fp_560af6e559\",\"choices\":[],\"usage\":{\"prompt_tokens\":98,\"completion_tokens\":"
				+ contentChunks + ",\"total_tokens\":" + (98 + contentChunks)
				+ ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
				+ "{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,"
				+ "\"rejected_prediction_tokens\":0}},\"obfuscation\":\"Vw2fQ\"}");
		List<byte[]> bytes = new ArrayList<>();
		for (String event : events) {
			bytes.add(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
		}
		bytes.add("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		return bytes;
	}

	/**
	 * The {@code created} field of every chunk, as a fixed-width slot: the stand-in can overwrite it with the
	 * time it writes the chunk ({@link StandInServer} stamps), and JSON allows the leading spaces.
	 */
	static final String CREATED = "          1755008195";

	private static String chunk(String delta, String finishReason, String usage) {
		return "{\"id\":\"" + CHUNK_ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
				+ ",\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":"
				+ "\"fp_560af6e559\",\"choices\":[{\"index\":0,\"delta\":" + delta
				+ ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}],\"usage\":" + usage
				+ ",\"obfuscation\":\"k3Jd\"}";
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
