// The Android app's upload path. Private videos must go through the EU media gateway; the
// crash reporter, the "fast upload" experiment and a debug shortcut do not.
package com.clover.android

import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.S3Client
import java.net.URL

object UploadClient {
    // The EU media gateway (allow_hosts: *.clover.internal): no finding.
    const val MEDIA_GATEWAY = "https://media.clover.internal/upload"

    // Paris and Oslo (Azure Norway East, in the EEA): no finding.
    const val PRIMARY_REGION = "eu-west-3"
    const val BACKUP_REGION = "norwayeast"

    // London is not in the EU or the EEA.
    const val UK_MIRROR_REGION = "eu-west-2" // auditkit-expect: endpoint.non-eu

    const val CRASH_REPORTS = "https://firehose.us-west-2.amazonaws.com" // auditkit-expect: endpoint.non-eu

    const val FAST_UPLOAD_REGION = "ap-southeast-1" // auditkit-expect: endpoint.non-eu

    fun upload(video: ByteArray, userId: String) {
        URL("$MEDIA_GATEWAY?user=$userId").openConnection().getOutputStream().write(video)
    }

    // Debug builds only, but it ships in the same binary.
    fun debugDirectUpload(video: ByteArray): S3Client {
        val s3 = S3Client.builder().region(Region.EU_WEST_3).build() // auditkit-expect: gateway.bypass
        return s3
    }
}
