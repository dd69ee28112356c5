package scanstore

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"gocloud.dev/gcerrors"

	"github.com/scanreport/scanreport/publish"
)

// retrier runs bucket operations, trying transient failures again with a
// growing, jittered wait, and wraps the final error in a publish.Error that
// names the operation, the object and the bucket (so the message says
// "permission denied", "bucket not found" or "network error" and what to
// do, as publish's do).
type retrier struct {
	name    string        // the bucket as the user named it
	retries int           // tries after the first
	backoff time.Duration // first wait
}

func (r retrier) do(ctx context.Context, op, key string, fn func() error) error {
	delay := r.backoff
	if delay <= 0 {
		delay = 200 * time.Millisecond
	}
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		kind := publish.Classify(err)
		if !kind.Transient() || attempt > r.retries {
			return &publish.Error{Kind: kind, Op: op, Key: key, Bucket: r.name, Attempts: attempt, Err: err}
		}
		wait := delay/2 + rand.N(delay)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		delay = min(delay*2, 10*time.Second)
	}
}

// missingObject reports whether err says the object does not exist (and
// not that the bucket does not).
func missingObject(err error) bool {
	if gcerrors.Code(err) != gcerrors.NotFound {
		return false
	}
	var api interface{ ErrorCode() string }
	if errors.As(err, &api) && api.ErrorCode() == "NoSuchBucket" {
		return false
	}
	return true
}

// conflict reports whether a conditional write found the object there.
func conflict(err error) bool {
	return gcerrors.Code(err) == gcerrors.FailedPrecondition
}
