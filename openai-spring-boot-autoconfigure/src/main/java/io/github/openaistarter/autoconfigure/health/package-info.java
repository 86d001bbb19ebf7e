/**
 * Auto-configuration of the OpenAI health indicator.
 */
@NullMarked
package io.github.openaistarter.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
