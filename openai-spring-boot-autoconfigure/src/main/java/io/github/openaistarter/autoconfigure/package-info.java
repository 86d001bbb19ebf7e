/**
 * Spring Boot auto-configuration of the OpenAI client from {@code openai.*} properties.
 */
@NullMarked
package io.github.openaistarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
