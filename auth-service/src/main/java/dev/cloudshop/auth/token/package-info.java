/**
 * What the issued tokens say: audience, roles and the customer, and how long they live.
 */
package dev.cloudshop.auth.token;
