package com.clover.moderation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Triage loop: classify reported videos with the external vendor, then escalate.
 * Partner transparency feeds arrive as Atom XML.
 */
public final class ModerationService {

    private static final String CLASSIFIER_URL = "https://api.safeframe-ai.com/v2/classify"; // auditkit-expect: endpoint.unverified
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    // Escalations used to be mirrored to https://trust.clover-partner.co.uk/escalate (retired).

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ReportRepository reports = new ReportRepository();
    private final UserDataClient userData = new UserDataClient();

    public void triage() throws Exception {
        List<ReportRepository.Report> open = reports.openReports(100);
        for (ReportRepository.Report report : open) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(CLASSIFIER_URL))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"video_id\":\"" + report.videoId() + "\"}"))
                    .build();
            HttpResponse<String> verdict = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (verdict.body().contains("\"label\":\"severe\"")) {
                userData.privateVideos(report.reporterId());
            }
            reports.close(report.id(), verdict.body());
        }
    }

    public int countPartnerEntries(String atomXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document doc = builder.parse(new ByteArrayInputStream(atomXml.getBytes(StandardCharsets.UTF_8)));
        NodeList entries = doc.getElementsByTagNameNS(ATOM_NS, "entry");
        int valid = 0;
        for (int i = 0; i < entries.getLength(); i++) {
            if (!"true".equals(((org.w3c.dom.Element) entries.item(i)).getAttributeNS(XSI_NS, "nil"))) {
                valid++;
            }
        }
        return valid;
    }
}
