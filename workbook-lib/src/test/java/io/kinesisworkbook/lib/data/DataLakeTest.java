package io.kinesisworkbook.lib.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DataLakeTest {

    @Test
    void aFileLandsOnlyWhenItRollsAndIsTakenOnce() throws Exception {
        DataLake lake = DataLake.inTempFolder("lake-test", Duration.ofHours(1));
        try {
            lake.append("a");
            lake.append("b");
            assertThat(lake.takeNewLines()).as("the current file has not landed").isEmpty();

            lake.roll();
            lake.append("c");
            assertThat(lake.takeNewLines()).containsExactly("a", "b");
            assertThat(lake.takeNewLines()).as("a landed file is taken once").isEmpty();

            lake.close();
            assertThat(lake.takeNewLines()).as("closing lands the last, partial file").containsExactly("c");
            assertThat(lake.filesLanded()).isEqualTo(2);
        } finally {
            lake.delete();
        }
        assertThat(Files.exists(lake.folder())).isFalse();
    }

    @Test
    void filesRollByTheClockAsLinesArrive() throws Exception {
        DataLake lake = DataLake.inTempFolder("lake-test", Duration.ofMillis(50));
        try {
            lake.append("first");
            Thread.sleep(80);
            lake.append("second");   // the first file is 80 ms old: it lands before this line is added

            assertThat(lake.takeNewLines()).containsExactly("first");
            assertThat(lake.filesLanded()).isEqualTo(1);
        } finally {
            lake.delete();
        }
    }

    @Test
    void anEmptyRollLandsNothing() {
        DataLake lake = DataLake.inTempFolder("lake-test", Duration.ofSeconds(1));
        try {
            lake.roll();
            lake.close();
            assertThat(lake.filesLanded()).isZero();
        } finally {
            lake.delete();
        }
    }
}
