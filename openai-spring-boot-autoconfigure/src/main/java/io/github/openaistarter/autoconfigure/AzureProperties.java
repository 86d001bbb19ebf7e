package io.github.openaistarter.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Azure OpenAI settings ({@code openai.azure.*}), used when the provider is Azure.
 */
public class AzureProperties {

	/**
	 * API version of the deployment routes, for example 2024-10-21. When set, create and stream go to
	 * /openai/deployments/{model}/chat/completions?api-version=..., the deployment being the request's model, and
	 * the other calls to the v1 API; when unset, every call goes to the v1 API under /openai/v1.
	 */
	private @Nullable String apiVersion;

	/**
	 * API version of the deployment routes.
	 * @return the version, or {@code null} for the v1 API
	 */
	public @Nullable String getApiVersion() {
		return this.apiVersion;
	}

	/**
	 * Sets the API version of the deployment routes.
	 * @param apiVersion the version, or {@code null} for the v1 API
	 */
	public void setApiVersion(@Nullable String apiVersion) {
		this.apiVersion = apiVersion;
	}

}
