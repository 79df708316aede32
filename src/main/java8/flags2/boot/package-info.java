/**
 * The jar's entry point for {@code java -jar flags2.jar}: {@link flags2.boot.JarMain}, with the
 * version check it asks ({@code JavaVersion}), compiled for Java 8 (its own source folder, {@code
 * src/main/java8}, its own compiler execution), so that any Java from 8 on can load it and say in
 * one line that flags2 needs 21, where loading {@code flags2.Main} (class file version 65) would
 * fail with {@code UnsupportedClassVersionError}. It imports nothing of flags2's, and nothing else
 * may import it. The {@code flags2} launchers skip it and run {@code flags2.Main} themselves: they
 * check the JDK before starting it.
 */
package flags2.boot;
