package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"strings"
	"syscall"
	"time"

	"gocloud.dev/gcerrors"
)

// Kind says what went wrong, so that the message can say what to do.
type Kind int

const (
	KindOther       Kind = iota
	KindPermission       // the credentials may not do this (403, AccessDenied)
	KindCredentials      // no credentials were found, or the service refused them (401, InvalidAccessKeyId)
	KindNotFound         // the bucket (or container) does not exist
	KindNetwork          // the service could not be reached (refused, reset, DNS, timeout)
	KindUnavailable      // the service answered with a transient failure (5xx, 429, SlowDown)
)

// transient kinds are retried.
func (k Kind) transient() bool { return k == KindNetwork || k == KindUnavailable }

// Error is a failed operation on the bucket, after retries.
type Error struct {
	Kind     Kind
	Op       string // list, read, write, delete, read the attributes of
	Key      string // the object, if any
	Bucket   string // the bucket as the user named it (Options.Name)
	Attempts int
	Err      error
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	what := e.Op + " " + e.Key
	if e.Key == "" {
		what = e.Op + " the bucket"
	}
	if e.Bucket != "" {
		what += " " + e.Bucket
	}
	cause := shortCause(e.Err)
	switch e.Kind {
	case KindPermission:
		return fmt.Sprintf("permission denied: the credentials in use may not %s (%s). %s", what, cause, credentialsHint)
	case KindCredentials:
		return fmt.Sprintf("no usable credentials to %s (%s). %s", what, cause, credentialsHint)
	case KindNotFound:
		return fmt.Sprintf("bucket not found: cannot %s (%s); create the bucket first and check its name, region and endpoint", what, cause)
	case KindNetwork:
		return fmt.Sprintf("network error: cannot reach the storage service to %s after %d attempts (%s); check the endpoint in the URL, the network and any proxy settings", what, e.Attempts, cause)
	case KindUnavailable:
		return fmt.Sprintf("the storage service kept failing to %s after %d attempts (%s); try again later", what, e.Attempts, cause)
	}
	return fmt.Sprintf("cannot %s: %s", what, cause)
}

// credentialsHint says where credentials come from: never from flags.
const credentialsHint = "Credentials come from each cloud's usual environment and files: " +
	"S3: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ~/.aws/credentials; " +
	"GCS: GOOGLE_APPLICATION_CREDENTIALS or `gcloud auth application-default login`; " +
	"Azure: AZURE_STORAGE_ACCOUNT with AZURE_STORAGE_KEY or AZURE_STORAGE_SAS_TOKEN"

// credentialTexts appear in the errors the SDKs return when they find no
// credentials at all (there is no error type to match).
var credentialTexts = []string{"get identity", "failed to refresh cached credentials", "no EC2 IMDS role",
	"could not find default credentials", "DefaultAzureCredential", "AZURE_STORAGE_ACCOUNT"}

// apiError is what S3's SDK (smithy.APIError) and other services' errors
// answer with: matched by method set, so that publish links no SDK of its own.
// Azure's and GCS's error types are matched in errors_azure.go and
// errors_gcs.go, which the build tags noazure and nogcs leave out.
type apiError interface {
	ErrorCode() string
	ErrorMessage() string
}

// classify sorts an error from the bucket into a Kind.
func classify(err error) Kind {
	if err == nil {
		return KindOther
	}
	msg := err.Error()
	for _, s := range credentialTexts {
		if strings.Contains(msg, s) {
			return KindCredentials
		}
	}
	var api apiError
	if errors.As(err, &api) {
		switch api.ErrorCode() {
		case "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "AuthorizationHeaderMalformed":
			return KindCredentials
		case "AccessDenied", "Forbidden", "AllAccessDisabled", "AccountProblem":
			return KindPermission
		case "NoSuchBucket":
			return KindNotFound
		case "SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout", "Throttling", "ThrottlingException", "RequestLimitExceeded":
			return KindUnavailable
		}
	}
	if k, ok := azureKind(err); ok {
		return k
	}
	if k, ok := gcsKind(err); ok {
		return k
	}
	var hs interface{ HTTPStatusCode() int }
	if errors.As(err, &hs) {
		if k, ok := statusKind(hs.HTTPStatusCode()); ok {
			return k
		}
	}
	switch gcerrors.Code(err) {
	case gcerrors.PermissionDenied:
		return KindPermission
	case gcerrors.NotFound:
		return KindNotFound
	case gcerrors.ResourceExhausted, gcerrors.Internal, gcerrors.DeadlineExceeded:
		return KindUnavailable
	}
	var ne net.Error
	var dns *net.DNSError
	var op *net.OpError
	if errors.As(err, &ne) || errors.As(err, &dns) || errors.As(err, &op) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(msg, "connection reset") || strings.Contains(msg, "use of closed network connection") {
		return KindNetwork
	}
	return KindOther
}

// statusKind sorts an HTTP status.
func statusKind(code int) (Kind, bool) {
	switch {
	case code == 401:
		return KindCredentials, true
	case code == 403:
		return KindPermission, true
	case code == 404:
		return KindNotFound, true
	case code == 408, code == 429, code >= 500:
		return KindUnavailable, true
	}
	return KindOther, false
}

// shortCause is the first line of what the service said: Azure's errors
// run to dozens of lines.
func shortCause(err error) string {
	var api apiError
	if errors.As(err, &api) && api.ErrorCode() != "" {
		s := api.ErrorCode()
		if m := api.ErrorMessage(); m != "" {
			s += ": " + m
		}
		return s
	}
	if s, ok := azureCause(err); ok {
		return s
	}
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return strings.TrimSpace(s)
}

// retry runs fn until it succeeds, fails for good, or has failed
// transiently Options.Retries+1 times, waiting longer each time (with
// jitter). The SDKs retry some failures themselves; this covers what they
// give up on (a connection refused while a server restarts, a 503 burst).
func (p *Publisher) retry(ctx context.Context, op, key string, fn func() error) error {
	delay := p.o.Backoff
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		kind := classify(err)
		if !kind.transient() || attempt > p.o.Retries {
			return &Error{Kind: kind, Op: op, Key: key, Bucket: p.o.Name, Attempts: attempt, Err: err}
		}
		p.retries.Add(1)
		p.log.Warn("retrying", "op", op, "key", key, "attempt", attempt, "err", shortCause(err))
		wait := delay/2 + rand.N(delay)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		delay = min(delay*2, 10*time.Second)
	}
}
