package io.kinesisworkbook.emulator.cloudwatch;

/** One line of DescribeAlarmHistory: a configuration change or a state change, with AWS's summary and JSON data. */
record AlarmHistoryItem(String region, String alarmName, long timestampMillis, String type, String summary, String data) {
}
