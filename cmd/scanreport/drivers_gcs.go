//go:build !nogcs

package main

import _ "gocloud.dev/blob/gcsblob" // gs://: about 20 MB of the binary (gRPC, OpenTelemetry)
