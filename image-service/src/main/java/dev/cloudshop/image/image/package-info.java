/**
 * Images: what was uploaded, by whom, in which format and size, and the renditions every
 * instance serves from the database.
 */
package dev.cloudshop.image.image;
