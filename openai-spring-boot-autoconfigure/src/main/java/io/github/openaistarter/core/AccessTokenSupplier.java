package io.github.openaistarter.core;

import reactor.core.publisher.Mono;

/**
 * Supplies the bearer tokens of a client that authenticates with tokens instead of an API
 * key, such as Microsoft Entra ID tokens for Azure OpenAI. It is asked once per attempt
 * of every call, so it caches a token and refreshes it before it expires; the token is
 * sent as {@code Authorization: Bearer <token>} and never logged.
 */
@FunctionalInterface
public interface AccessTokenSupplier {

	/**
	 * A token valid for at least the next call.
	 * @return the token, without the {@code Bearer} prefix; an error fails the call with
	 * an {@link OpenAiCredentialsException}
	 */
	Mono<String> accessToken();

}
