package com.netflix.spinnaker.keel.artifacts

enum class WorkQueueEventType {
  ARTIFACT, CODE
}
