/**
 * Turns an upload into safe renditions: recognises the format by its bytes, refuses what
 * is too large from the header alone, decodes with bounded concurrency and re-encodes
 * without any metadata.
 */
package dev.cloudshop.image.rendering;
