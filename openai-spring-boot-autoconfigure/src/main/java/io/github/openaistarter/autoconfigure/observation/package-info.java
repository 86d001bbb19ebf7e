/**
 * Auto-configuration of the Micrometer observations of OpenAI calls.
 */
@NullMarked
package io.github.openaistarter.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
