package io.kinesisworkbook.lib.view;

/**
 * Where {@link Show} sends things: the Jupyter front end ({@link JupyterDisplay}) or a terminal
 * ({@link TerminalDisplay}). Each call gives both a rich and a plain form, and the display picks.
 */
interface Display {

    void chart(ChartView<?> chart);

    void html(String html, String plainText);

    void text(String text);

    /** Starts an output that later calls redraw in place, as a progress bar does. */
    LiveOutput live(String html, String plainText);

    /** Starts a chart that later calls redraw in place, as a live query's chart does. */
    LiveChart liveChart(ChartView<?> chart);

    /** An output that can be replaced after it was shown. */
    interface LiveOutput {

        void update(String html, String plainText);

        /** The last update; a terminal ends the line here so that later output starts on a fresh one. */
        void finish(String html, String plainText);
    }

    /** A chart that can be replaced after it was shown. */
    interface LiveChart {

        void update(ChartView<?> chart);

        /** The last picture; a terminal, which cannot redraw one, shows only this. */
        void finish(ChartView<?> chart);
    }
}
