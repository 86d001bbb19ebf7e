/**
 * OpenAI clients without Spring Boot's auto-configuration:
 * {@link io.github.openaistarter.client.OpenAiClient} builds the blocking and reactive
 * operations with everything the starter configures from properties (pool, timeouts,
 * proxy, TLS, compression, redirects refused, wiretap, retries, observers, request
 * defaults), and {@link io.github.openaistarter.client.OpenAiClients} finds an
 * application's clients by name.
 */
@NullMarked
package io.github.openaistarter.client;

import org.jspecify.annotations.NullMarked;
