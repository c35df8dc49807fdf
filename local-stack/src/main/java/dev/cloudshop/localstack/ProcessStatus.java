package dev.cloudshop.localstack;

import java.util.OptionalLong;

/**
 * One line of the process list.
 *
 * @param name the name actions address it by
 * @param pid its process id while it runs
 * @param state where it stands
 * @param address where it listens
 */
public record ProcessStatus(String name, OptionalLong pid, ProcessState state, String address) {

}
