/** The command line: one small picocli class per subcommand that parses and delegates. */
package uk.neighbourhood.outcomes.cli;
