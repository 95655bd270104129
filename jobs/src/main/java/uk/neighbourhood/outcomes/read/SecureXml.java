package uk.neighbourhood.outcomes.read;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX over untrusted XML. DTDs are switched off and external entities unsupported, and any DOCTYPE
 * is refused outright: no part of a spreadsheet needs one, and refusing it means no entity is ever
 * expanded and no local file ever opened. The DOCTYPE is looked for in the bytes before parsing, and
 * the parser is Aalto (named explicitly, whatever else is on the classpath): about a third faster than
 * the JDK's on sheet XML (docs/benchmarks.md), with DTD support off.
 */
final class SecureXml {
  /** One per thread: the JDK does not promise a factory is safe to share while it creates readers. */
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(SecureXml::newFactory);

  private SecureXml() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
      throw new XMLStreamException("external resources are never resolved: " + systemId);
    });
    return f;
  }

  /** A reader that refuses a DOCTYPE with {@code read.xml_entities} the moment it is met. */
  static Xml open(InputStream in, ReadGuard guard, String part) {
    try {
      InputStream checked = refuseDoctype(in, guard, part);
      return new Xml(FACTORY.get().createXMLStreamReader(checked), guard, part);
    } catch (XMLStreamException e) {
      throw refusal(e, guard, part);
    }
  }

  /**
   * Looks for a DOCTYPE in the prolog before any parser sees the part, so the refusal does not depend on
   * how a given parser reports one (the prolog is where XML allows it; UTF-16 parts are read without
   * their zero bytes).
   */
  private static InputStream refuseDoctype(InputStream in, ReadGuard guard, String part) {
    java.io.BufferedInputStream b = new java.io.BufferedInputStream(in, 8192);
    try {
      b.mark(4096);
      byte[] head = b.readNBytes(4096);
      b.reset();
      StringBuilder ascii = new StringBuilder(head.length);
      for (byte x : head) {
        if (x != 0) {
          ascii.append((char) (x & 0xff));
        }
      }
      if (ascii.toString().toUpperCase(java.util.Locale.ROOT).contains("<!DOCTYPE")) {
        throw Refusal.xmlEntities(guard.file(), part);
      }
      return b;
    } catch (java.io.IOException e) {
      throw Refusal.corrupt(guard.file(), "part '" + part + "' could not be read", e);
    }
  }

  /**
   * A parser failure as a refusal: one caused by a DOCTYPE or an entity is the entity trick it is (a
   * parser may meet it while reading the prolog, when the reader is created), anything else is damage.
   */
  static ReadException refusal(Exception e, ReadGuard guard, String part) {
    String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("doctype") || m.contains("entity") || m.contains("dtd")) {
      return new ReadException(Refusal.xmlEntities(guard.file(), part).problem(), e);
    }
    return Refusal.corrupt(guard.file(), "part '" + part + "' is not well-formed XML", e);
  }

  /** A thin cursor over a StAX reader that turns parser failures into refusals. */
  static final class Xml implements AutoCloseable {
    private final XMLStreamReader r;
    private final ReadGuard guard;
    private final String part;

    private Xml(XMLStreamReader r, ReadGuard guard, String part) {
      this.r = r;
      this.guard = guard;
      this.part = part;
    }

    XMLStreamReader reader() {
      return r;
    }

    /** Next event; DTDs and entity references (which only a DTD could declare) are refused. */
    int next() {
      try {
        int e = r.next();
        if (e == XMLStreamConstants.DTD || e == XMLStreamConstants.ENTITY_REFERENCE
            || e == XMLStreamConstants.ENTITY_DECLARATION) {
          throw Refusal.xmlEntities(guard.file(), part);
        }
        return e;
      } catch (XMLStreamException | RuntimeException e) {
        if (e instanceof ReadException re) {
          throw re;
        }
        throw refusal(e, guard, part);
      }
    }

    boolean hasNext() {
      try {
        return r.hasNext();
      } catch (XMLStreamException e) {
        throw refusal(e, guard, part);
      }
    }

    String local() {
      return r.getLocalName();
    }

    /** An attribute by local name, whatever its namespace (Strict and Transitional OOXML differ there). */
    String attr(String localName) {
      for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
        if (r.getAttributeLocalName(i).equals(localName)) {
          return r.getAttributeValue(i);
        }
      }
      return null;
    }

    /** An attribute by namespace and local name. */
    String attr(String ns, String localName) {
      return r.getAttributeValue(ns, localName);
    }

    String text() {
      return r.getText();
    }

    @Override
    public void close() {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // nothing held beyond the stream, which the caller closes
      }
    }
  }
}
