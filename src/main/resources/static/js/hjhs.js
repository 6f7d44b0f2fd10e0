// HJHS 2.1 entry form: live joint totals and the grand total (CSP forbids inline script).
// Rule as on the server: totals are the sum of the items scored; NE items are left out, never counted as 0.
(function () {
  'use strict';
  var form = document.querySelector('form.hjhs-form');
  if (!form) {
    return;
  }
  var MAX_TOTAL = 124;

  function itemSelects(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll('.hjhs-item select'));
  }

  function maxOf(select) {
    var max = 0;
    Array.prototype.forEach.call(select.options, function (o) {
      var v = parseInt(o.value, 10);
      if (!isNaN(v) && v > max) {
        max = v;
      }
    });
    return max;
  }

  function neToggle(fieldset) {
    return fieldset.querySelector('.hjhs-ne-joint input');
  }

  function update() {
    var total = 0;
    var possible = 0;
    var left = 0;
    var ne = 0;
    var anyScored = false;
    form.querySelectorAll('fieldset.hjhs-joint').forEach(function (fieldset) {
      var toggle = neToggle(fieldset);
      var wholeNe = toggle && toggle.checked;
      var jointTotal = 0;
      var jointScored = 0;
      itemSelects(fieldset).forEach(function (select) {
        select.disabled = wholeNe;
        select.required = !wholeNe;
        if (wholeNe) {
          ne++;
          return;
        }
        if (select.value === '') {
          left++;
        } else if (select.value === 'NE') {
          ne++;
        } else {
          jointTotal += parseInt(select.value, 10);
          jointScored++;
          possible += maxOf(select);
        }
      });
      if (jointScored > 0) {
        anyScored = true;
        total += jointTotal;
      }
      var out = fieldset.querySelector('.hjhs-joint-total');
      if (out) {
        out.textContent = wholeNe ? 'NE' : (jointScored > 0 ? jointTotal : '–') + ' / 20';
      }
      var zero = fieldset.querySelector('.hjhs-zero');
      if (zero) {
        zero.hidden = wholeNe || !itemSelects(fieldset).some(function (s) { return s.value === ''; });
      }
    });
    var totalOut = document.getElementById('hjhs-total');
    var status = document.getElementById('hjhs-status');
    totalOut.textContent = anyScored ? String(total) : '–';
    if (left > 0) {
      status.textContent = status.dataset.left.replace('{0}', left);
    } else if (ne > 0) {
      status.textContent = status.dataset.ne.replace('{0}', possible).replace('{1}', ne);
    } else {
      status.textContent = status.dataset.complete.replace('{0}', MAX_TOTAL);
    }
  }

  form.addEventListener('change', update);
  form.querySelectorAll('.hjhs-zero').forEach(function (button) {
    button.addEventListener('click', function () {
      itemSelects(button.closest('fieldset')).forEach(function (select) {
        if (select.value === '') {
          select.value = '0';
        }
      });
      update();
    });
  });
  // the surgery fields matter only before or after surgery
  var context = document.getElementById('context');
  function surgeryFields() {
    var surgery = context.value !== 'ROUTINE';
    form.querySelectorAll('.hjhs-surgery').forEach(function (el) {
      el.hidden = !surgery;
    });
  }
  context.addEventListener('change', surgeryFields);
  surgeryFields();
  update();
})();
