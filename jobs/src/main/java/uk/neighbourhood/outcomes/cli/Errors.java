package uk.neighbourhood.outcomes.cli;

/** Failure messages for people: the exception's own sentence, without the stack. */
final class Errors {
  private Errors() {}

  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t instanceof java.lang.reflect.InvocationTargetException)) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
