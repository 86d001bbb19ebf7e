package io.github.openaistarter.autoconfigure;

import com.azure.core.credential.SimpleTokenCache;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import reactor.core.publisher.Mono;

import io.github.openaistarter.core.AccessTokenSupplier;

/**
 * Microsoft Entra ID tokens for Azure OpenAI from an Azure {@link TokenCredential}
 * ({@code DefaultAzureCredential} by default: environment, workload identity, managed
 * identity, Azure CLI...). Azure's own token cache holds the token and renews it before
 * it expires, one renewal at a time. Loaded only when {@code com.azure:azure-identity} is
 * on the classpath.
 */
final class AzureEntraTokens implements AccessTokenSupplier {

	private final SimpleTokenCache cache;

	AzureEntraTokens(TokenCredential credential, String scope) {
		TokenRequestContext request = new TokenRequestContext().addScopes(scope);
		this.cache = new SimpleTokenCache(() -> credential.getToken(request));
	}

	/**
	 * Tokens from {@code DefaultAzureCredential}.
	 * @param scope the scope to ask tokens for
	 * @return the supplier
	 */
	static AccessTokenSupplier defaultCredential(String scope) {
		return new AzureEntraTokens(new DefaultAzureCredentialBuilder().build(), scope);
	}

	@Override
	public Mono<String> accessToken() {
		return this.cache.getToken().map((token) -> token.getToken());
	}

	@Override
	public String toString() {
		return "AzureEntraTokens[scope from TokenRequestContext, token never shown]";
	}

}
