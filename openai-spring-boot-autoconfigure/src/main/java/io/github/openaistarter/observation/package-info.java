/**
 * Micrometer observations of OpenAI calls, following the OpenTelemetry GenAI semantic
 * conventions: the context, the default convention, the documented names and keys, and
 * the meters for token usage, time to first chunk and retries.
 */
@NullMarked
package io.github.openaistarter.observation;

import org.jspecify.annotations.NullMarked;
