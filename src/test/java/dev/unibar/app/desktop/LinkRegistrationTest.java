package dev.unibar.app.desktop;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The link schemes Unibar dials ({@link DialTarget#isLink}) are the ones every platform's packaging
 * registers: the Linux desktop entry, the Windows MSI (main.wxs) and IT's script, the macOS Info.plist.
 * The installers themselves cannot be built here (docs/packaging.md); what can be checked is that their
 * resources say the same thing, and how a link handed over by macOS becomes the bar's arguments.
 */
class LinkRegistrationTest {

    private static final List<String> SCHEMES = List.of("tel", "callto", "sip", "sips");
    private static final Path PACKAGING = Path.of("packaging");

    @Test
    void theSchemesTheBarDialsAreExactlyTheOnesItAccepts() {
        for (String s : SCHEMES) assertTrue(DialTarget.isLink(s + ":+420601123456"), s);
        assertFalse(DialTarget.isLink("http://example.com"));
        assertFalse(DialTarget.isLink("javascript:alert(1)"));
    }

    @Test
    void theMacInfoPlistDeclaresEachSchemeAsAUrlType() throws Exception {
        Document plist = xml(PACKAGING.resolve("macos/Info.plist.in"));
        Element dict = (Element) plist.getElementsByTagName("dict").item(0);
        Element urlTypes = valueOf(dict, "CFBundleURLTypes");
        assertEquals("array", urlTypes.getTagName());
        Element type = (Element) urlTypes.getElementsByTagName("dict").item(0);
        Element schemes = valueOf(type, "CFBundleURLSchemes");
        List<String> declared = new ArrayList<>();
        NodeList strings = schemes.getElementsByTagName("string");
        for (int i = 0; i < strings.getLength(); i++) declared.add(strings.item(i).getTextContent());
        assertEquals(SCHEMES, declared);
        assertEquals("dev.unibar.Unibar", valueOf(dict, "CFBundleIdentifier").getTextContent(),
                "the identifier jpackage.sh passes as --mac-package-identifier");
        assertEquals("Unibar", valueOf(dict, "CFBundleExecutable").getTextContent());
    }

    @Test
    void theWindowsInstallerRegistersEachSchemeAsAUrlProtocolThatStartsUnibarWithTheLink() throws Exception {
        Document wxs = xml(PACKAGING.resolve("windows/main.wxs"));
        NodeList keys = wxs.getElementsByTagName("RegistryKey");
        List<String> protocols = new ArrayList<>();
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            String key = k.getAttribute("Key");
            if (!key.startsWith("Software\\Classes\\")) continue;
            String scheme = key.substring("Software\\Classes\\".length());
            protocols.add(scheme);
            List<String> values = new ArrayList<>();
            NodeList vs = k.getElementsByTagName("RegistryValue");
            for (int j = 0; j < vs.getLength(); j++) {
                Element v = (Element) vs.item(j);
                values.add(v.getAttribute("Key") + "|" + v.getAttribute("Name") + "|" + v.getAttribute("Value"));
            }
            assertTrue(values.contains("||URL:" + scheme), scheme + ": " + values);
            assertTrue(values.contains("|URL Protocol|"), scheme + ": " + values);
            assertTrue(values.contains("shell\\open\\command||\"[INSTALLDIR]Unibar.exe\" \"%1\""), scheme + ": " + values);
        }
        assertEquals(SCHEMES, protocols);
        // The group is installed with the product, not just defined.
        NodeList refs = wxs.getElementsByTagName("ComponentGroupRef");
        boolean linked = false;
        for (int i = 0; i < refs.getLength(); i++) linked |= "UnibarLinks".equals(((Element) refs.item(i)).getAttribute("Id"));
        assertTrue(linked, "UnibarLinks is part of DefaultFeature");
        String script = Files.readString(PACKAGING.resolve("windows/register-links.ps1"));
        assertTrue(script.contains("foreach ($scheme in \"tel\", \"callto\", \"sip\", \"sips\")"), "IT's script agrees");
        assertTrue(Files.readString(PACKAGING.resolve("jpackage.sh")).contains("--resource-dir packaging/windows"),
                "jpackage uses main.wxs from the Windows resource dir");
    }

    @Test
    void theLinuxDesktopEntryHandlesEachSchemeAndPassesTheLink() throws Exception {
        List<String> lines = Files.readAllLines(PACKAGING.resolve("linux/unibar.desktop"));
        String mime = lines.stream().filter(l -> l.startsWith("MimeType=")).findFirst().orElseThrow();
        List<String> handled = new ArrayList<>();
        for (String m : mime.substring("MimeType=".length()).split(";")) {
            if (m.startsWith("x-scheme-handler/")) handled.add(m.substring("x-scheme-handler/".length()));
        }
        assertEquals(SCHEMES, handled);
        assertTrue(lines.contains("Exec=/opt/unibar/bin/Unibar %u"), "the link is the one argument");
    }

    @Test
    void aLinkMacOsDeliversBecomesTheArgumentsOfASecondStart() {
        assertEquals(Optional.of(List.of("tel:+420601123456")), MacLinks.arguments(URI.create("tel:+420601123456")));
        assertEquals(Optional.of(List.of("sip:202@pbx.example.com")), MacLinks.arguments(URI.create("sip:202@pbx.example.com")));
        assertEquals(Optional.of(List.of("callto:+420601123456")), MacLinks.arguments(URI.create("callto:+420601123456")));
        assertEquals(Optional.empty(), MacLinks.arguments(URI.create("https://example.com/?tel=1")));
        assertEquals(Optional.empty(), MacLinks.arguments(URI.create("file:///etc/passwd")));
        assertEquals(Optional.empty(), MacLinks.arguments(null));
    }

    @Test
    void onlyMacOsGetsAHandlerLinuxAndWindowsTakeLinksAsArguments() {
        AtomicBoolean called = new AtomicBoolean();
        assertFalse(MacLinks.install("Linux", a -> { called.set(true); return "ok"; }));
        assertFalse(MacLinks.install("Windows 11", a -> { called.set(true); return "ok"; }));
        assertFalse(called.get());
        assertTrue(MacLinks.applies("Mac OS X"));
        assertFalse(MacLinks.applies("Linux"));
        assertFalse(MacLinks.applies(null));
    }

    private static Document xml(Path p) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(p.toFile());
    }

    /** A plist dict's value: the element after {@code <key>name</key>}. */
    private static Element valueOf(Element dict, String name) {
        NodeList children = dict.getChildNodes();
        boolean next = false;
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element e)) continue;
            if (next) return e;
            next = e.getTagName().equals("key") && e.getTextContent().equals(name);
        }
        throw new AssertionError("no " + name);
    }
}
