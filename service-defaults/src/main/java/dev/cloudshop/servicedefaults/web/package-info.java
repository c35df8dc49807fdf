/**
 * What a Spring MVC service does with its input the same way as every other: a body size
 * limit answered with a problem, and strict JSON.
 */
package dev.cloudshop.servicedefaults.web;
