package flags2.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import flags2.common.Codes;
import flags2.strategy.StrategyKind;
import flags2.testing.FlagDispatcher;
import flags2.testing.Flags2Runner;
import flags2.testing.MockServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --country-names} against every strategy: two requests per code, the image saved under the
 * country's name, and every way the second request or its body can go wrong counted once, with
 * nothing saved and no partial file left.
 */
class CountryNamesTest {
  @StartStop private final MockWebServer server = MockServers.noDelay();
  @TempDir Path dest;

  private Flags2Runner.Run run(StrategyKind strategy, String... args) {
    Stream<String> common =
        Stream.of(
            "-s",
            server.url("/flags").toString(),
            "-d",
            dest.toString(),
            "-t",
            strategy.cliName(),
            "--country-names");
    return new Flags2Runner().run(Stream.concat(common, Stream.of(args)).toList());
  }

  /** Every name in DEST, hidden partial files included. */
  private Set<String> filesInDest() throws IOException {
    try (Stream<Path> files = Files.list(dest)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private List<String> paths() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      RecordedRequest request = server.takeRequest();
      paths.add(request.getUrl().encodedPath());
    }
    return paths.stream().sorted().toList();
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void imagesAreSavedUnderTheirCountrysName(StrategyKind strategy) throws Exception {
    server.setDispatcher(
        new FlagDispatcher()
            .serve("BR", "CI", "KR", "ST", "US")
            .country("BR", "Brazil")
            .country("CI", "Co\u0302te d'Ivoire") // decomposed: saved composed
            .country("KR", "Korea, South")
            .country("ST", "São Tomé and Príncipe")
            .country("US", "United States"));

    Flags2Runner.Run run = run(strategy, "-v", "br", "ci", "kr", "st", "us");

    assertEquals(0, run.status(), run.err());
    assertTrue(run.outLines().contains("5 flags downloaded."), run.out());
    assertTrue(run.outLines().contains("BR OK"), run.out());
    Map<String, String> saved =
        Map.of(
            "Brazil.gif", "BR",
            "C\u00f4te_d'Ivoire.gif", "CI",
            "Korea,_South.gif", "KR",
            "São_Tomé_and_Príncipe.gif", "ST",
            "United_States.gif", "US");
    assertEquals(saved.keySet(), filesInDest());
    for (Map.Entry<String, String> file : saved.entrySet()) {
      assertArrayEquals(
          FlagDispatcher.image(file.getValue()), Files.readAllBytes(dest.resolve(file.getKey())));
    }
    List<String> expected = new ArrayList<>();
    for (String cc : List.of("br", "ci", "kr", "st", "us")) {
      expected.add("/flags/" + cc + "/" + cc + ".gif");
      expected.add("/flags/" + cc + "/metadata.json");
    }
    assertEquals(expected.stream().sorted().toList(), paths());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void jsonResultsNameTheFileSaved(StrategyKind strategy) throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("BR").country("BR", "Brazil"));

    Flags2Runner.Run run = run(strategy, "--json", "br", "zz");

    JsonNode json = new ObjectMapper().readTree(run.out());
    Map<String, JsonNode> results = new TreeMap<>();
    json.get("results").forEach(r -> results.put(r.get("code").asText(), r));
    JsonNode br = results.get("BR");
    assertEquals(dest.resolve("Brazil.gif").toString(), br.get("file").asText());
    assertEquals(1, br.get("attempts").asInt(), "two requests, no retry");
    assertEquals(FlagDispatcher.image("BR").length, br.get("bytes").asLong(), "the image's size");
    long runMillis = Math.round(json.get("elapsed_seconds").asDouble() * 1000);
    long millis = br.get("millis").asLong();
    assertTrue(millis >= 0 && millis <= runMillis + 1, millis + " ms in a run of " + runMillis);
    assertTrue(results.get("ZZ").get("file").isNull());
  }

  @Test
  void aNameThatCannotBeWrittenIsAnErrorSayingWhyAndLeavesNoFile() throws Exception {
    server.setDispatcher(new FlagDispatcher().serve("BR").country("BR", "Brazil"));
    Files.createDirectories(dest.resolve("Brazil.gif").resolve("inside"));

    Flags2Runner.Run run = run(StrategyKind.THREADPOOL, "-v", "br");

    assertEquals(1, run.status(), run.err());
    assertEquals(
        List.of("*** Error for BR: Cannot save image: Is a directory (Brazil.gif)"),
        run.outLines().stream().filter(l -> l.startsWith("*** Error")).toList(),
        run.out());
    assertEquals(Set.of("Brazil.gif"), filesInDest());
    assertTrue(Files.isDirectory(dest.resolve("Brazil.gif").resolve("inside")));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void everyUnusableNameIsAnErrorAndNothingIsSaved(StrategyKind strategy) throws Exception {
    Map<String, String> names = new TreeMap<>();
    names.put("AA", "");
    names.put("AB", ".");
    names.put("AC", "..");
    names.put("AD", ".hidden");
    names.put("AE", "../../etc/cron.d/x");
    names.put("AF", "a\\b");
    names.put("AG", "nul\u0000byte");
    names.put("AH", "esc\u001b[2Jape");
    names.put("AI", "x".repeat(121));
    names.put("AJ", "/etc/passwd");
    FlagDispatcher dispatcher = new FlagDispatcher();
    names.forEach((code, name) -> dispatcher.serve(code).country(code, name));
    server.setDispatcher(dispatcher);

    Flags2Runner.Run run = run(strategy, "-v", "-l", "10", "a");

    assertEquals(1, run.status(), run.err());
    assertTrue(run.outLines().contains("10 errors."), run.out());
    assertEquals(
        "*** Error for AH: unusable country name from server: \"esc\\x1b[2Jape\"",
        run.outLines().stream()
            .filter(l -> l.startsWith("*** Error for AH"))
            .findFirst()
            .orElseThrow());
    assertEquals(
        "*** Error for AG: unusable country name from server: \"nul\\x00byte\"",
        run.outLines().stream()
            .filter(l -> l.startsWith("*** Error for AG"))
            .findFirst()
            .orElseThrow());
    for (String code : names.keySet()) {
      assertTrue(
          run.outLines().stream()
              .anyMatch(
                  l ->
                      l.startsWith(
                          "*** Error for " + code + ": unusable country name from server: \"")),
          code + " in\n" + run.out());
    }
    assertEquals(Set.of(), filesInDest());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aNameSavedForAnotherCodeIsAnErrorNotAnOverwrite(StrategyKind strategy) throws Exception {
    server.setDispatcher(
        new FlagDispatcher()
            .serve("CD", "CG", "BR")
            .country("CD", "Congo")
            .country("CG", "Congo")
            .country("BR", "Brazil"));

    Flags2Runner.Run run = run(strategy, "-v", "cd", "cg", "br");

    assertEquals(1, run.status(), run.err());
    assertTrue(run.outLines().contains("2 flags downloaded."), run.out());
    assertTrue(run.outLines().contains("1 error."), run.out());
    String error =
        run.outLines().stream().filter(l -> l.startsWith("*** Error")).findFirst().orElseThrow();
    String loser = error.substring("*** Error for ".length(), "*** Error for ".length() + 2);
    String winner = loser.equals("CD") ? "CG" : "CD";
    assertEquals(
        "*** Error for "
            + loser
            + ": country name already saved for "
            + winner
            + " in this run: Congo.gif",
        error);
    assertEquals(Set.of("Congo.gif", "Brazil.gif"), filesInDest());
    assertArrayEquals(FlagDispatcher.image(winner), Files.readAllBytes(dest.resolve("Congo.gif")));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void aFailureOfEitherRequestCountsTheCodeOnce(StrategyKind strategy) throws Exception {
    MockResponse teapot =
        new MockResponse.Builder().status("HTTP/1.1 418 I'm a Teapot").body("teapot").build();
    server.setDispatcher(
        new FlagDispatcher()
            .serve("AA", "AB", "AD", "AE", "AF", "AG", "AH")
            .country("AA", "Alpha") // fine
            .country("AC", "No Image") // image 404
            .status("AD", 404) // image 404 after all, metadata never asked
            .metadata("AE", () -> new MockResponse.Builder().code(404).body("none").build())
            .metadata("AF", () -> teapot)
            .respond("AG", () -> teapot)
            .country("AG", "Teapot Image")
            .metadataBody("AH", "{\"country\": \"Bro")
            .metadataBody("AB", "{\"country\": " + "\" \"".repeat(30_000) + "}"));

    Flags2Runner.Run run = run(strategy, "-v", "-l", "8", "a");

    assertEquals(1, run.status(), run.err());
    List<String> lines = run.outLines();
    assertTrue(lines.contains("AA OK"), run.out() + run.err());
    assertTrue(lines.contains("AC not found"), run.out());
    assertTrue(lines.contains("AD not found"), run.out());
    assertTrue(lines.contains("AE not found"), run.out());
    assertTrue(
        lines.contains("*** Error for AF: metadata.json: HTTP error 418 - I'm a Teapot"),
        run.out());
    assertTrue(lines.contains("*** Error for AG: HTTP error 418 - I'm a Teapot"), run.out());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("*** Error for AH: malformed metadata.json: ")),
        run.out());
    assertTrue(lines.contains("*** Error for AB: metadata.json larger than 64 KiB"), run.out());
    assertTrue(lines.contains("1 flag downloaded."), run.out());
    assertTrue(lines.contains("3 not found."), run.out());
    assertTrue(lines.contains("4 errors."), run.out());
    assertEquals(Set.of("Alpha.gif"), filesInDest());
    List<String> paths = paths();
    for (String cc : List.of("ac", "ad", "ag")) { // a failed image asks no metadata
      assertTrue(!paths.contains("/flags/" + cc + "/metadata.json"), paths.toString());
    }
    assertEquals(8 + 5, paths.size(), paths.toString());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void retriesApplyToEachRequest(StrategyKind strategy) throws Exception {
    AtomicInteger imageTries = new AtomicInteger();
    AtomicInteger metadataTries = new AtomicInteger();
    // no Retry-After: OkHttp itself silently retries a 503 with Retry-After: 0
    MockResponse busy = new MockResponse.Builder().code(503).build();
    server.setDispatcher(
        new FlagDispatcher()
            .respond("BR", () -> imageTries.incrementAndGet() < 2 ? busy : FlagDispatcher.ok("BR"))
            .metadata(
                "BR",
                () ->
                    metadataTries.incrementAndGet() < 2
                        ? busy
                        : new MockResponse.Builder()
                            .code(200)
                            .body("{\"country\": \"Brazil\"}")
                            .build()));

    Flags2Runner.Run run = run(strategy, "-v", "--retries", "1", "br");

    assertEquals(0, run.status(), run.err() + run.out());
    assertTrue(run.outLines().contains("BR OK (3 attempts)"), run.out() + run.err());
    String screen = run.screen();
    assertTrue(screen.contains("BR retry 1/1 after HTTP error 503"), screen);
    assertTrue(screen.contains("BR retry 1/1 after metadata.json: HTTP error 503"), screen);
    assertEquals(Set.of("Brazil.gif"), filesInDest());
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void redirectsAndMaxSizeHoldForBothRequests(StrategyKind strategy) throws Exception {
    server.setDispatcher(
        new FlagDispatcher()
            .serve("BR", "CN")
            .metadata(
                "BR",
                () ->
                    new MockResponse.Builder()
                        .code(302)
                        .addHeader("Location", "/flags/cn/metadata.json")
                        .build())
            .country("CN", "China")
            .respond(
                "US",
                () -> new MockResponse.Builder().code(200).body("GIF89a" + "#".repeat(500)).build())
            .country("US", "United States"));

    Flags2Runner.Run run = run(strategy, "-v", "--max-size", "100", "br", "us");

    assertTrue(run.outLines().contains("BR OK"), run.out());
    assertTrue(
        run.outLines().contains("*** Error for US: Image larger than --max-size (100 bytes)"),
        run.out());
    assertEquals(Set.of("China.gif"), filesInDest(), "BR's image under the name it was sent to");
    assertArrayEquals(FlagDispatcher.image("BR"), Files.readAllBytes(dest.resolve("China.gif")));
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void ctrlCBetweenTheTwoRequestsLeavesNoFileAndCountsAddUp(StrategyKind strategy)
      throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    FlagDispatcher dispatcher = new FlagDispatcher();
    for (String code : Codes.expand(List.of("a"), false, false, 26)) {
      dispatcher
          .serve(code)
          .metadata(
              code,
              () -> {
                first.countDown();
                held.countDown();
                try {
                  release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return new MockResponse.Builder().code(200).body("{\"country\": \"X\"}").build();
              });
    }
    server.setDispatcher(dispatcher);
    Interrupt ctrlC = Interrupt.none();
    List<String> args =
        List.of(
            "-s",
            server.url("/flags").toString(),
            "-d",
            dest.toString(),
            "-t",
            strategy.cliName(),
            "--country-names",
            "-m",
            "2",
            "a");
    try {
      CompletableFuture<Flags2Runner.Run> running =
          CompletableFuture.supplyAsync(() -> new Flags2Runner().interrupt(ctrlC).run(args));
      // sequential holds one metadata request at a time: its first image is kept meanwhile
      assertTrue(
          (strategy == StrategyKind.SEQUENTIAL ? first : held).await(10, TimeUnit.SECONDS),
          "no metadata request held");
      ctrlC.fire();
      Flags2Runner.Run run = running.get(10, TimeUnit.SECONDS);

      assertEquals(130, run.status(), run.out() + run.err());
      int total = 0;
      for (String counted : List.of("flags? downloaded", "not found", "errors?", "not attempted")) {
        Matcher m =
            Pattern.compile("^(\\d+) " + counted + "\\.$", Pattern.MULTILINE).matcher(run.out());
        total += m.find() ? Integer.parseInt(m.group(1)) : 0;
      }
      assertEquals(26, total, run.out());
      assertEquals(Set.of(), filesInDest(), "no image, no partial file");
    } finally {
      release.countDown();
    }
  }
}
