package io.github.openaistarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Azure OpenAI settings ({@code openai.azure.*}), used when the provider is Azure.
 */
public class AzureProperties {

	/**
	 * API version of the deployment routes, for example 2024-10-21. When set, create and
	 * stream go to /openai/deployments/{model}/chat/completions?api-version=..., the
	 * deployment being the request's model, and the other calls to the v1 API; when
	 * unset, every call goes to the v1 API under /openai/v1.
	 */
	private @Nullable String apiVersion;

	@NestedConfigurationProperty
	private final Entra entra = new Entra();

	/**
	 * API version of the deployment routes, for example {@code 2024-10-21}; unset, every
	 * call uses the v1 API.
	 * @return the API version, or {@code null}
	 */
	public @Nullable String getApiVersion() {
		return this.apiVersion;
	}

	/**
	 * Sets the API version of the deployment routes.
	 * @param apiVersion the API version, or {@code null}
	 */
	public void setApiVersion(@Nullable String apiVersion) {
		this.apiVersion = apiVersion;
	}

	/**
	 * Microsoft Entra ID authentication ({@code openai.azure.entra.*}).
	 * @return the settings
	 */
	public Entra getEntra() {
		return this.entra;
	}

	/**
	 * Microsoft Entra ID authentication instead of a key.
	 */
	public static class Entra {

		/**
		 * Whether to authenticate with Microsoft Entra ID tokens from
		 * DefaultAzureCredential instead of a key (needs com.azure:azure-identity on the
		 * classpath).
		 */
		private boolean enabled;

		/**
		 * Scope the tokens are asked for.
		 */
		private String scope = "https://cognitiveservices.azure.com/.default";

		/**
		 * Whether to authenticate with Entra ID tokens from
		 * {@code DefaultAzureCredential} instead of a key.
		 * @return whether it is on
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether to authenticate with Entra ID tokens.
		 * @param enabled whether to
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Scope the tokens are asked for.
		 * @return the scope
		 */
		public String getScope() {
			return this.scope;
		}

		/**
		 * Sets the scope the tokens are asked for.
		 * @param scope the scope
		 */
		public void setScope(String scope) {
			this.scope = scope;
		}

	}

}
