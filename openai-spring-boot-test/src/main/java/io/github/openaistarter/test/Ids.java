package io.github.openaistarter.test;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random ids shaped like OpenAI's: {@code chatcmpl-...}, {@code call_...},
 * {@code req_...}.
 */
final class Ids {

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String HEX = "0123456789abcdef";

	private Ids() {
	}

	static String completion() {
		return "chatcmpl-" + random(ALPHANUMERIC, 29);
	}

	static String toolCall() {
		return "call_" + random(ALPHANUMERIC, 24);
	}

	static String request() {
		return "req_" + random(HEX, 32);
	}

	private static String random(String alphabet, int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

}
