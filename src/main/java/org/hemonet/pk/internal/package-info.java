/** The PK engine: model files, closed-form dispositions, MAP estimation and regimens. Not part of the module API. */
@org.jspecify.annotations.NullMarked
package org.hemonet.pk.internal;
