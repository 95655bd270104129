/** Discovery: list the return files in an inbox on any Hadoop file system, one folder per scheme. */
package uk.neighbourhood.outcomes.discover;
