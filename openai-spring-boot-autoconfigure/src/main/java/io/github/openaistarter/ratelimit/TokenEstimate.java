package io.github.openaistarter.ratelimit;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The tokens a create will count against the token budget before it is sent, as OpenAI
 * counts them: the prompt (estimated from its size, about four bytes of JSON a token)
 * plus the most the answer may use ({@code max_completion_tokens} or {@code max_tokens}),
 * the usage correcting the estimate afterwards.
 */
final class TokenEstimate {

	private static final int BYTES_PER_TOKEN = 4;

	private TokenEstimate() {
	}

	/**
	 * Estimates a call's tokens from its JSON body.
	 * @param body the body, or {@code null}
	 * @return the estimate
	 */
	static long of(byte @Nullable [] body) {
		if (body == null) {
			return 0;
		}
		Long answer = maxAnswerTokens(body);
		return body.length / BYTES_PER_TOKEN + ((answer != null) ? answer : 0);
	}

	/**
	 * The cap on the answer the body sets, if any.
	 * @param body the body
	 * @return {@code max_completion_tokens}, else {@code max_tokens}, else {@code null}
	 */
	static @Nullable Long maxAnswerTokens(byte @Nullable [] body) {
		if (body == null) {
			return null;
		}
		String json = new String(body, StandardCharsets.ISO_8859_1);
		Long value = number(json, "\"max_completion_tokens\":");
		return (value != null) ? value : number(json, "\"max_tokens\":");
	}

	/**
	 * A member of the body's own objects: after a comma or a brace, not inside a string
	 * (escaped quotes).
	 */
	private static @Nullable Long number(String json, String member) {
		int at = json.indexOf(member);
		while (at > 0 && json.charAt(at - 1) != ',' && json.charAt(at - 1) != '{') {
			at = json.indexOf(member, at + 1);
		}
		if (at < 0) {
			return null;
		}
		int start = at + member.length();
		while (start < json.length() && json.charAt(start) == ' ') {
			start++;
		}
		int end = start;
		while (end < json.length() && Character.isDigit(json.charAt(end))) {
			end++;
		}
		return (end > start) ? Long.parseLong(json.substring(start, end)) : null;
	}

}
